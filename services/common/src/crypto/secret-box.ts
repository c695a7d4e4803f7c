import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;

/**
 * Encrypts secrets at rest with AES-256-GCM (the tenant's payment-provider
 * credentials, the webhook endpoints' signing secrets). A sealed value is
 * base64 of iv | tag | ciphertext; `context` (the row it belongs to) is bound
 * as associated data, so a sealed value copied onto another row does not open.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  /** Throws when the value was altered, belongs to another context, or another key sealed it. */
  open(sealed: string, context: string): string;
}

/** A box for a 32-byte key given as 64 hexadecimal characters; `variable` names it in the error. */
export function createSecretBox(hexKey: string, variable = 'SECRETS_KEY'): SecretBox {
  const key = Buffer.from(hexKey, 'hex');
  if (key.length !== 32) throw new Error(`${variable} must be 32 bytes (64 hexadecimal characters)`);
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
