import { conflict, notFound, type CallContext } from '@azotte/common';
import { EVENTS, type catalogV1 } from '@azotte/proto';
import { emitBundle } from '../events/emit';
import { fieldsOf, lockBundle, saveBundle, toBundle, type BundleStatus } from '../store/bundles';
import { writeScope } from './access';
import { bundleSchema, mergeBundle, sameBundle, storedEntitlements } from './bundle-fields';
import type { Deps } from './deps';
import { validate } from './validation';

const STATUS_PROBLEM = { path: 'status', message: 'must be draft or active (archive a bundle with DELETE)' };

/** The status after the update: draft → active only; an active bundle never goes back to draft. */
function nextStatus(current: BundleStatus, requested: string): BundleStatus {
  if (requested === '') return current;
  if (current === 'active' && requested === 'draft') {
    throw conflict('bundle_already_active', 'An active bundle cannot go back to draft; archive it instead.');
  }
  return requested as BundleStatus;
}

/**
 * Changes a bundle's name, description or entitlements (a new list replaces
 * the old), or makes a draft bundle active. The merged result is validated
 * whole, as on creation. Entitlements apply to the bundle's existing
 * subscriptions at once: that is what makes them the bundle's, not the price's.
 */
export async function updateBundle(
  deps: Deps,
  ctx: CallContext,
  request: catalogV1.UpdateBundleRequest,
): Promise<catalogV1.Bundle> {
  const scope = writeScope(ctx);
  return deps.db.transaction(async (trx) => {
    const stored = request.id ? await lockBundle(trx, scope, request.id) : undefined;
    if (!stored) throw notFound('bundle', request.id);
    if (stored.status === 'archived') throw conflict('bundle_archived', 'An archived bundle cannot be changed.');

    const badStatus = request.status !== '' && request.status !== 'draft' && request.status !== 'active';
    const parsed = validate(bundleSchema, mergeBundle(fieldsOf(stored), request), badStatus ? [STATUS_PROBLEM] : []);
    const fields = { ...parsed, entitlements: storedEntitlements(parsed.entitlements) };
    const status = nextStatus(stored.status, request.status);
    if (status === stored.status && sameBundle(fields, fieldsOf(stored))) return toBundle(stored);

    const at = deps.clock.now();
    await saveBundle(trx, scope, stored.id, fields, status, at);
    const bundle = toBundle({
      ...stored,
      name: fields.name,
      description: fields.description ?? null,
      entitlements: fields.entitlements,
      status,
      updated_at: at,
    });
    await emitBundle(trx, scope, EVENTS.catalog.bundleUpdated, bundle);
    return bundle;
  });
}
