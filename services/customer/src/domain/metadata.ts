/** A customer's metadata: free-form string pairs for the tenant's own use (Stripe's limits). */
export type Metadata = Record<string, string>;

export const METADATA_MAX_KEYS = 50;
export const METADATA_MAX_KEY_LENGTH = 40;
export const METADATA_MAX_VALUE_LENGTH = 500;

/**
 * Stripe's merge: each key given replaces the stored one, a key given with
 * an empty value is removed, keys not given stay. `clear` starts from nothing
 * (HTTP `"metadata": null`). Creation is a merge onto nothing, so an empty
 * value there simply sets no key.
 */
export function mergeMetadata(stored: Metadata, changes: Metadata, clear = false): Metadata {
  const merged: Metadata = clear ? {} : { ...stored };
  for (const [key, value] of Object.entries(changes)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** True when both hold the same pairs (jsonb does not keep key order). */
export function sameMetadata(a: Metadata, b: Metadata): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
