import { createHash, randomBytes } from 'node:crypto';

/**
 * A hosted page's secret: `hs_` + 32 random bytes in base64url (256 bits,
 * API.md asks at least 128). It is the page's only credential, so it is
 * answered once, at creation, and only its SHA-256 is stored; it never goes
 * into a log, an event or another answer.
 */
export function newHostedSecret(): { secret: string; sha256: string } {
  const secret = `hs_${randomBytes(32).toString('base64url')}`;
  return { secret, sha256: sha256Hex(secret) };
}

/** The lower-case hex SHA-256 of a secret: what is stored and looked up. */
export const sha256Hex = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const SHA256_HEX = /^[0-9a-f]{64}$/;
