import type { Knex } from 'knex';

const TABLE = 'revoked_tokens';

/**
 * Access tokens and portal sessions revoked before they expired (sign-out).
 * Kept in Postgres so that every gateway replica refuses them from the next
 * request on; a row is useless once its token has expired, and is deleted
 * then.
 */
export class RevokedTokenStore {
  constructor(private readonly knex: Knex) {}

  async revoke(tokenId: string, expiresAt: Date): Promise<void> {
    await this.knex(TABLE).insert({ token_id: tokenId, expires_at: expiresAt }).onConflict('token_id').ignore();
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    const row = await this.knex(TABLE).where({ token_id: tokenId }).first('token_id');
    return row !== undefined;
  }

  /** Forgets revocations of tokens that have expired anyway. */
  async purgeExpired(now = new Date()): Promise<number> {
    return this.knex(TABLE).where('expires_at', '<', now).delete();
  }
}
