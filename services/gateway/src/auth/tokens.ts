import { randomBytes, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'azotte';
const AUDIENCE = 'azotte-api';
const ALGORITHM = 'HS256';

/** What a valid token says: whose it is, its own id (for revocation) and when it expires. */
export interface VerifiedToken {
  userId: string;
  tokenId: string;
  expiresAt: Date;
}

/**
 * Short-lived access tokens, and the longer-lived portal sessions carried in a
 * cookie (the same kind of token, with another lifetime). The algorithm,
 * issuer and audience are pinned on verification, so a token signed any other
 * way (or `alg: none`) is refused. The token names only its subject and its
 * own id: role and status are read afresh on every request, so a demotion or
 * a disabled account takes effect at once, and a sign-out revokes the id.
 */
export class TokenIssuer {
  private readonly key: Uint8Array;

  constructor(
    secret: string | undefined,
    readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret ?? randomBytes(32).toString('hex'));
  }

  async issue(userId: string, ttlSeconds = this.ttlSeconds): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setJti(randomUUID())
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }

  /** What a valid token says, or undefined for anything else. */
  async verify(token: string): Promise<VerifiedToken | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') return undefined;
      return { userId: payload.sub, tokenId: payload.jti, expiresAt: new Date(payload.exp * 1000) };
    } catch {
      return undefined;
    }
  }
}

/** API keys are recognisable by their prefix; anything else is taken as an access token. */
export const isApiKey = (credential: string) => credential.startsWith('azk_');
