import { monotonicFactory } from 'ulid';

const next = monotonicFactory();

/**
 * A new id: `<prefix>_<ULID>`, e.g. `cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M`.
 * Ids sort by creation time (ULIDs are monotonic within a millisecond), so
 * cursor pagination can order by id alone.
 */
export function newId(prefix: string): string {
  return `${prefix}_${next()}`;
}

const ID_SHAPE = /^[a-z]+_[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `id` has the shape of an id with this prefix (not that it exists). */
export function isId(id: string, prefix?: string): boolean {
  return ID_SHAPE.test(id) && (prefix === undefined || id.startsWith(`${prefix}_`));
}
