import { createHash, randomBytes } from 'node:crypto';
import type { EnvironmentKind } from '@azotte/common';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_LENGTH = 32; // 32 base62 characters ≈ 190 bits
// The largest multiple of 62 below 256: bytes at or above it are dropped, so every character is equally likely.
const UNBIASED_LIMIT = 248;

export const API_KEY_SHAPE = /^azk_(live|test)_[0-9A-Za-z]{32}$/;

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A new key: `azk_live_…` for a production environment, `azk_test_…` for a sandbox. */
export function generateApiKey(kind: EnvironmentKind): string {
  return `${kind === 'production' ? 'azk_live_' : 'azk_test_'}${randomBase62(SECRET_LENGTH)}`;
}

/**
 * What is stored instead of the key. A plain sha256 suffices (no salt, no
 * argon2): the key is 190 random bits, so nothing is gained by slowing a
 * guess, and a fast hash lets the key be found by an index lookup.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Enough of the key to recognise it, never enough to use it: `azk_live_AbC…wxyz`. */
export function apiKeyHint(key: string): string {
  return `${key.slice(0, 12)}…${key.slice(-4)}`;
}
