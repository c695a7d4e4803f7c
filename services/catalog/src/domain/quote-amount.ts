import { invalidArgument, notFound, type CallContext, type FieldError } from '@azotte/common';
import type { catalogV1 } from '@azotte/proto';
import { findBundle } from '../store/bundles';
import { findPrice, termsOf } from '../store/prices';
import { readScope } from './access';
import { isCountry } from './countries';
import type { Deps } from './deps';
import { amountFor, quantityProblem } from './pricing';
import { unsellableReason } from './sellability';

/**
 * One period of a price at a quantity: the amount (from the pricing module,
 * the one place that computes it), the setup fee apart, and the terms billing
 * needs to invoice. Archived prices are quoted too, for the renewals of the
 * subscriptions they keep; `sellable` says whether a new one may start.
 */
export async function quoteAmount(deps: Deps, ctx: CallContext, request: catalogV1.QuoteAmountRequest): Promise<catalogV1.Quote> {
  const scope = readScope(ctx);
  const problems: FieldError[] = [];
  const quantity = quantityProblem(request.quantity);
  if (quantity) problems.push({ path: 'quantity', message: quantity });
  if (request.country && !isCountry(request.country)) {
    problems.push({ path: 'country', message: 'is not an ISO 3166-1 alpha-2 country code such as DE' });
  }
  if (problems.length > 0) throw invalidArgument(problems);

  const price = request.priceId ? await findPrice(deps.db, scope, request.priceId) : undefined;
  if (!price) throw notFound('price', request.priceId);
  const bundle = await findBundle(deps.db, scope, price.bundle_id);
  if (!bundle) throw notFound('bundle', price.bundle_id); // prices reference their bundle: never expected

  const reason = unsellableReason(
    { priceStatus: price.status, bundleStatus: bundle.status, storefrontIds: price.storefront_ids, countries: price.countries },
    { storefrontId: request.storefrontId || undefined, country: request.country || undefined },
  );
  return {
    priceId: price.id,
    bundleId: price.bundle_id,
    currency: price.currency,
    quantity: request.quantity,
    amount: amountFor(termsOf(price), request.quantity),
    setupFee: price.setup_fee === null ? 0 : Number(price.setup_fee),
    interval: price.interval,
    intervalCount: price.interval_count,
    trialDays: price.trial_days,
    strategy: price.strategy,
    priceStatus: price.status,
    bundleStatus: bundle.status,
    sellable: reason === undefined,
    unsellableReason: reason ?? '',
  };
}
