import { EVENTS } from '@azotte/proto';
import type { EventHandler } from '@azotte/common';
import type { EntitlementCache } from '../operations/entitlement-cache';

export const CONSUMED_PATTERNS = [EVENTS.catalog.bundleUpdated, EVENTS.catalog.bundleArchived, 'billing.subscription.*'];

/**
 * What billing reacts to: a bundle's change drops its cached entitlements, and
 * its own subscription events (from any replica) drop the customer's cached
 * answer. Billing owns the test clock, so it does not consume its moves.
 */
export function billingEventHandler(cache: EntitlementCache): EventHandler {
  return async (event) => {
    if (!event.tenantId || !event.environmentId) return;
    const scope = { tenantId: event.tenantId, environmentId: event.environmentId };
    if (event.type === EVENTS.catalog.bundleUpdated || event.type === EVENTS.catalog.bundleArchived) {
      const bundle = (event.payload as { bundle?: { id?: string } }).bundle;
      if (bundle?.id) cache.forgetBundle(scope, bundle.id);
      return;
    }
    const customerId = (event.payload as { subscription?: { customerId?: string } }).subscription?.customerId;
    if (customerId) cache.forgetCustomer(scope, customerId);
  };
}
