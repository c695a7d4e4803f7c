import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;

/**
 * Encrypts provider credentials at rest with AES-256-GCM. A sealed value is
 * base64 of iv | tag | ciphertext; `context` (the row it belongs to) is bound
 * as associated data, so a sealed value copied onto another row does not open.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  /** Throws when the value was altered, belongs to another context, or another key sealed it. */
  open(sealed: string, context: string): string;
}

export function createSecretBox(hexKey: string): SecretBox {
  const key = Buffer.from(hexKey, 'hex');
  if (key.length !== 32) throw new Error('SECRETS_KEY must be 32 bytes (64 hexadecimal characters)');
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
    },
    open(sealed, context) {
      const raw = Buffer.from(sealed, 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value is too short');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * A masked hint of credentials for `details`: the last 4 characters of the
 * longest string value. Values shorter than 12 characters show nothing, since
 * 4 characters of a short secret are too much of it.
 */
export function credentialsHint(credentials: Record<string, unknown>): string | undefined {
  const strings = Object.values(credentials).filter((v): v is string => typeof v === 'string');
  if (strings.length === 0) return undefined;
  const longest = strings.reduce((a, b) => (b.length > a.length ? b : a));
  return longest.length >= 12 ? `••••${longest.slice(-4)}` : '••••';
}
