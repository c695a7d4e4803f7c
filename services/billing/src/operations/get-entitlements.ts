import type { CallContext } from '@azotte/common';
import type { billingV1, catalogV1 } from '@azotte/proto';
import { EVERY_ROLE, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { ENTITLED } from '../domain/statuses';
import { subscriptions } from '../store/tables';

/**
 * What a customer's trialing, active and past_due subscriptions grant. It is
 * called on every login of a tenant's app, so both the customer's answer and
 * each bundle's entitlements are cached (EntitlementCache says when they go).
 */
export async function getEntitlements(deps: Deps, ctx: CallContext, req: billingV1.GetEntitlementsRequest): Promise<billingV1.GetEntitlementsResponse> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  const cached = deps.entitlements.customer<billingV1.GetEntitlementsResponse>(scope, req.customerId);
  if (cached) return cached;
  const subs = (await subscriptions
    .in(deps.db, scope)
    .where({ customer_id: req.customerId })
    .whereIn('status', ENTITLED as string[])
    .orderBy('id')
    .select('id', 'bundle_id')) as Array<{ id: string; bundle_id: string }>;
  if (subs.length === 0) {
    // An unknown customer is a 404, not an empty list; a known one without subscriptions is cached.
    await deps.remote.customer(scope, req.customerId);
  }
  const byBundle = new Map<string, catalogV1.ResolvedEntitlement[]>();
  const missing: string[] = [];
  for (const bundleId of new Set(subs.map((s) => s.bundle_id))) {
    const hit = deps.entitlements.bundle<catalogV1.ResolvedEntitlement[]>(scope, bundleId);
    if (hit) byBundle.set(bundleId, hit);
    else missing.push(bundleId);
  }
  if (missing.length > 0) {
    const resolved = await deps.remote.entitlements(scope, missing);
    for (const bundleId of missing) {
      const list = resolved.filter((e) => e.bundleId === bundleId);
      byBundle.set(bundleId, list);
      deps.entitlements.setBundle(scope, bundleId, list);
    }
  }
  const data = subs.flatMap((s) =>
    (byBundle.get(s.bundle_id) ?? []).map((e) => ({ key: e.key, value: e.value, bundleId: s.bundle_id, subscriptionId: s.id })),
  );
  const answer = { data };
  deps.entitlements.setCustomer(scope, req.customerId, answer);
  return answer;
}
