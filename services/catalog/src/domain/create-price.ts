import { conflict, invalidArgument, newId, notFound, type CallContext, type Scope } from '@azotte/common';
import { EVENTS, type catalogV1 } from '@azotte/proto';
import { emitPrice } from '../events/emit';
import { findBundle, lockBundle, type BundleRow } from '../store/bundles';
import { insertPrice, toPrice, type PriceRow } from '../store/prices';
import { writeScope } from './access';
import type { Deps } from './deps';
import { priceFromRequest, priceSchema, storedPrice } from './price-fields';
import { storefrontProblems } from './storefront-restriction';
import { validate } from './validation';

/** The bundle a price is added to: it must exist in the scope and not be archived. */
function openBundle(bundle: BundleRow | undefined, id: string): BundleRow {
  if (!bundle) throw notFound('bundle', id);
  if (bundle.status === 'archived') throw conflict('bundle_archived', 'An archived bundle takes no new prices.');
  return bundle;
}

/**
 * Adds a price to a draft or active bundle. A price never changes afterwards:
 * to change what a bundle costs, create a new price and archive the old one,
 * whose subscriptions go on at the old terms.
 */
export async function createPrice(
  deps: Deps,
  ctx: CallContext,
  request: catalogV1.CreatePriceRequest,
): Promise<catalogV1.Price> {
  const scope: Scope = writeScope(ctx);
  const fields = storedPrice(validate(priceSchema, priceFromRequest(request)));
  openBundle(request.bundleId ? await findBundle(deps.db, scope, request.bundleId) : undefined, request.bundleId);
  // Asked before the transaction: no row stays locked during a call to another service.
  const problems = await storefrontProblems(deps.storefronts, fields.storefrontIds);
  if (problems.length > 0) throw invalidArgument(problems);

  const at = deps.clock.now();
  const row: PriceRow = {
    id: newId('price'),
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    bundle_id: request.bundleId,
    currency: fields.currency,
    strategy: fields.strategy,
    amount: fields.amount ?? null,
    unit_amount_decimal: fields.unitAmountDecimal ?? null,
    tiers_mode: fields.tiersMode ?? null,
    tiers: fields.tiers ?? null,
    interval: fields.interval,
    interval_count: fields.intervalCount,
    setup_fee: fields.setupFee ?? null,
    trial_days: fields.trialDays,
    storefront_ids: fields.storefrontIds,
    countries: fields.countries,
    status: 'active',
    created_at: at,
    archived_at: null,
  };
  const price = toPrice(row);
  await deps.db.transaction(async (trx) => {
    // The bundle may have been archived meanwhile; its lock orders us with that.
    openBundle(await lockBundle(trx, scope, request.bundleId), request.bundleId);
    await insertPrice(trx, scope, { id: row.id, bundleId: row.bundle_id, at, fields });
    await emitPrice(trx, scope, EVENTS.catalog.priceCreated, price);
  });
  return price;
}
