import { randomBytes } from 'node:crypto';
import { argon2id, hash, verify } from 'argon2';

// argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes): OWASP's recommended floor.
const OPTIONS = { type: argon2id } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password nobody knows, made with the same parameters as
 * real ones. Verifying against it when the email is unknown makes a failed
 * login cost the same whether or not the email exists.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString('hex'));
  return dummy;
}

/**
 * True when `password` matches `stored`. With no stored hash (unknown user)
 * it still does the work of a verification, and answers false.
 */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  const digest = stored ?? (await dummyHash());
  let ok: boolean;
  try {
    ok = await verify(digest, password);
  } catch {
    ok = false; // a malformed stored hash is a failed login, never a crash
  }
  return stored !== undefined && ok;
}
