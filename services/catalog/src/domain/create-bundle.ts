import { newId, type CallContext } from '@azotte/common';
import { EVENTS, type catalogV1 } from '@azotte/proto';
import { emitBundle } from '../events/emit';
import { insertBundle, toBundle, type BundleRow } from '../store/bundles';
import { writeScope } from './access';
import { bundleFromRequest, createBundleSchema, storedEntitlements } from './bundle-fields';
import type { Deps } from './deps';
import { validate } from './validation';

/** Creates a bundle, `active` unless the request asks for `draft` (Stripe's products start active). */
export async function createBundle(
  deps: Deps,
  ctx: CallContext,
  request: catalogV1.CreateBundleRequest,
): Promise<catalogV1.Bundle> {
  const scope = writeScope(ctx);
  const { status, ...parsed } = validate(createBundleSchema, bundleFromRequest(request));
  const fields = { ...parsed, entitlements: storedEntitlements(parsed.entitlements) };
  const at = deps.clock.now();
  const row: BundleRow = {
    id: newId('bun'),
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    name: fields.name,
    description: fields.description ?? null,
    entitlements: fields.entitlements,
    status,
    created_at: at,
    updated_at: at,
    archived_at: null,
  };
  const bundle = toBundle(row);
  await deps.db.transaction(async (trx) => {
    await insertBundle(trx, scope, { id: row.id, status, at, fields });
    await emitBundle(trx, scope, EVENTS.catalog.bundleCreated, bundle);
  });
  return bundle;
}
