/** True when `err` is Postgres refusing a duplicate on the named unique constraint or index. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const pg = err as { code?: string; constraint?: string };
  return pg?.code === '23505' && pg.constraint === constraint;
}

/** Timestamps leave the store as ISO 8601 strings, the proto's form. */
export const iso = (at: Date | string): string => new Date(at).toISOString();
