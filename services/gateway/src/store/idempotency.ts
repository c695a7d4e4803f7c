import type { Knex } from 'knex';

const TABLE = 'idempotency_keys';
/** How long a stored response is replayed (API.md: 24 hours). */
export const RETENTION_MS = 24 * 3600_000;
/** By default, an in-flight record older than this was left by a crashed gateway and may be taken over. */
export const STALE_IN_FLIGHT_MS = 120_000;

export interface KeyScope {
  tenantId: string;
  environmentId: string;
  key: string;
}

export type Claim =
  | { outcome: 'claimed' }
  | { outcome: 'in_flight' }
  | { outcome: 'mismatch' }
  | { outcome: 'replay'; status: number; body: string };

interface Row {
  fingerprint: string;
  state: 'in_flight' | 'done';
  status: number | null;
  body: string | null;
  created_at: Date;
  expires_at: Date;
}

/**
 * Idempotency records. The primary key makes the first request the only one
 * to claim a key; every later one sees the claim (in flight), or the stored
 * response (replay), or that its body differs (mismatch).
 */
export class IdempotencyStore {
  constructor(
    private readonly knex: Knex,
    /** IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS: longer than any request runs, so only an abandoned record is taken over. */
    private readonly staleInFlightMs = STALE_IN_FLIGHT_MS,
  ) {}

  async claim(scope: KeyScope, fingerprint: string, now = new Date()): Promise<Claim> {
    const where = { tenant_id: scope.tenantId, environment_id: scope.environmentId, key: scope.key };
    for (let attempt = 0; attempt < 2; attempt++) {
      const inserted = await this.knex(TABLE)
        .insert({ ...where, fingerprint, state: 'in_flight', expires_at: new Date(now.getTime() + RETENTION_MS) })
        .onConflict(['tenant_id', 'environment_id', 'key'])
        .ignore()
        .returning('key');
      if (inserted.length > 0) return { outcome: 'claimed' };

      const row: Row | undefined = await this.knex(TABLE).where(where).first();
      if (!row) continue; // released between our insert and read: try again
      const expired = row.expires_at.getTime() <= now.getTime();
      const abandoned = row.state === 'in_flight' && now.getTime() - row.created_at.getTime() > this.staleInFlightMs;
      if (expired || abandoned) {
        // Deleted only if it still is expired or abandoned (not a claim made again meanwhile). Not
        // by its created_at: Postgres keeps microseconds, a Date milliseconds, so they never matched.
        const staleBefore = new Date(now.getTime() - this.staleInFlightMs);
        await this.knex(TABLE)
          .where(where)
          .andWhere((q) => q.where('expires_at', '<=', now).orWhere((r) => r.where({ state: 'in_flight' }).andWhere('created_at', '<', staleBefore)))
          .delete();
        continue;
      }
      if (row.fingerprint !== fingerprint) return { outcome: 'mismatch' };
      if (row.state === 'in_flight') return { outcome: 'in_flight' };
      return { outcome: 'replay', status: row.status!, body: row.body ?? '' };
    }
    return { outcome: 'in_flight' };
  }

  async complete(scope: KeyScope, status: number, body: string): Promise<void> {
    await this.knex(TABLE)
      .where({ tenant_id: scope.tenantId, environment_id: scope.environmentId, key: scope.key })
      .update({ state: 'done', status, body });
  }

  /** Forgets a claim whose request failed on our side, so that a retry runs again. */
  async release(scope: KeyScope): Promise<void> {
    await this.knex(TABLE)
      .where({ tenant_id: scope.tenantId, environment_id: scope.environmentId, key: scope.key, state: 'in_flight' })
      .delete();
  }

  async purgeExpired(now = new Date()): Promise<number> {
    return this.knex(TABLE).where('expires_at', '<=', now).delete();
  }
}
