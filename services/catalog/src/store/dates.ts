/** Timestamps leave the store as ISO 8601 strings, the proto's form. */
export const iso = (at: Date | string): string => new Date(at).toISOString();
export const isoOrUndefined = (at: Date | string | null | undefined): string | undefined =>
  at === null || at === undefined ? undefined : iso(at);
