import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'azotte';
const AUDIENCE = 'azotte-api';
const ALGORITHM = 'HS256';

/**
 * Short-lived access tokens. The algorithm, issuer and audience are pinned on
 * verification, so a token signed any other way (or `alg: none`) is refused.
 * The token names only its subject: role and status are read afresh on every
 * request, so a demotion or a disabled account takes effect at once.
 */
export class TokenIssuer {
  private readonly key: Uint8Array;

  constructor(
    secret: string | undefined,
    readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret ?? randomBytes(32).toString('hex'));
  }

  async issue(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** The user id of a valid token, or undefined for anything else. */
  async verify(token: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      return typeof payload.sub === 'string' ? payload.sub : undefined;
    } catch {
      return undefined;
    }
  }
}

/** API keys are recognisable by their prefix; anything else is taken as an access token. */
export const isApiKey = (credential: string) => credential.startsWith('azk_');
