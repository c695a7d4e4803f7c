// Provider credentials are sealed by the kit's SecretBox (AES-256-GCM, the row bound as
// associated data); the webhook service seals its endpoints' secrets with the same code.
export { createSecretBox, type SecretBox } from '@azotte/common';

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
