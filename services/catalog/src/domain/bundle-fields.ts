import type { catalogV1 } from '@azotte/proto';
import { z } from 'zod';
import type { BundleFields, StoredEntitlement } from '../store/bundles';
import { acrossFields } from './validation';

export const ENTITLEMENT_KEY = /^[a-z][a-z0-9_.:-]{0,63}$/;
export const MAX_ENTITLEMENTS = 100;
const MAX_STRING_VALUE = 500;

const entitlementValue = z.unknown().superRefine((value, ctx) => {
  const ok =
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value.length <= MAX_STRING_VALUE);
  if (ok) return;
  ctx.addIssue({
    code: 'custom',
    message:
      typeof value === 'string'
        ? `must be at most ${MAX_STRING_VALUE} characters`
        : value === undefined
          ? 'is required'
          : 'must be a boolean, a number or a string',
  });
});

const entitlement = z.object(
  {
    key: z.string().regex(ENTITLEMENT_KEY, {
      error: 'must be 1 to 64 characters: a lower-case letter, then lower-case letters, digits, _ . : or -',
    }),
    value: entitlementValue,
  },
  { error: 'must be an object { key, value }' },
);

const entitlements = z
  .array(entitlement)
  .max(MAX_ENTITLEMENTS, `must list at most ${MAX_ENTITLEMENTS} entitlements`)
  // Runs even when an item failed, so a repeated key is reported with every other problem.
  .check(
    acrossFields<unknown[]>((items, report) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const key = (item as { key?: unknown } | null)?.key;
        if (typeof key !== 'string') return;
        if (seen.has(key)) report([i, 'key'], 'is listed twice');
        seen.add(key);
      });
    }),
  );

/** A whole bundle as it will be stored: checked on creation and again after every update. */
export const bundleSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  description: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
  entitlements,
});

export const createBundleSchema = bundleSchema.extend({
  status: z.enum(['draft', 'active'], { error: 'must be draft or active' }),
});

// proto3 cannot tell an absent string from an empty one: an empty description is "none".
const given = (text: string | undefined) => (text === undefined || text === '' ? undefined : text);

const entitlementsFrom = (list: catalogV1.Entitlement[]) => list.map((e) => ({ key: e.key, value: e.value as unknown }));

/** The bundle a create request describes, before validation. */
export function bundleFromRequest(request: catalogV1.CreateBundleRequest): unknown {
  return {
    name: request.name,
    description: given(request.description),
    entitlements: entitlementsFrom(request.entitlements),
    status: request.status || 'active',
  };
}

/** The bundle after an update, before validation: fields present replace the stored ones ('' removes the description). */
export function mergeBundle(stored: BundleFields, request: catalogV1.UpdateBundleRequest): unknown {
  return {
    name: request.name ?? stored.name,
    description: request.description === undefined ? stored.description : given(request.description),
    entitlements: request.replaceEntitlements ? entitlementsFrom(request.entitlements) : stored.entitlements,
  };
}

/** Validated entitlements, typed as stored (the schema has checked each value's type). */
export const storedEntitlements = (list: Array<{ key: string; value: unknown }>): StoredEntitlement[] =>
  list.map((e) => ({ key: e.key, value: e.value as StoredEntitlement['value'] }));

/** True when two bundles say the same (an update that changes nothing emits nothing). */
export function sameBundle(a: BundleFields, b: BundleFields): boolean {
  return (
    a.name === b.name &&
    (a.description ?? '') === (b.description ?? '') &&
    JSON.stringify(a.entitlements.map((e) => [e.key, e.value])) ===
      JSON.stringify(b.entitlements.map((e) => [e.key, e.value]))
  );
}
