import type { customerV1 } from '@azotte/proto';
import { mergeMetadata, sameMetadata } from './metadata';
import type { CustomerFields } from './validation';

// proto3 cannot tell an absent string from an empty one where the field is not `optional`; for
// the optional fields an empty string means "none" on creation and "remove it" on an update.

export const given = (text: string | undefined) => (text === undefined || text === '' ? undefined : text);

/** The customer a create request describes, before validation. */
export function customerFromRequest(request: customerV1.CreateCustomerRequest): unknown {
  return {
    email: request.email,
    name: given(request.name),
    country: given(request.country),
    locale: given(request.locale),
    storefrontId: given(request.storefrontId),
    metadata: mergeMetadata({}, request.metadata),
  };
}

/** Replaces the stored value when a new one is present; '' removes it. */
const replaceOptional = (stored: string | undefined, next: string | undefined) =>
  next === undefined ? stored : given(next);

/**
 * The customer after an update, before validation: fields present replace the
 * stored ones, metadata merges key by key (mergeMetadata).
 */
export function mergeCustomer(stored: CustomerFields, request: customerV1.UpdateCustomerRequest): unknown {
  return {
    email: request.email ?? stored.email,
    name: replaceOptional(stored.name, request.name),
    country: replaceOptional(stored.country, request.country),
    locale: replaceOptional(stored.locale, request.locale),
    storefrontId: replaceOptional(stored.storefrontId, request.storefrontId),
    metadata: mergeMetadata(stored.metadata, request.metadata, request.clearMetadata),
  };
}

/** The names of the fields that differ (an update that changes nothing emits nothing). */
export function changedFields(before: CustomerFields, after: CustomerFields): string[] {
  const scalar = ['email', 'name', 'country', 'locale', 'storefrontId'] as const;
  const changed: string[] = scalar.filter((field) => before[field] !== after[field]);
  if (!sameMetadata(before.metadata, after.metadata)) changed.push('metadata');
  return changed;
}
