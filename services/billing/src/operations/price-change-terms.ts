import { invalidArgument, unprocessable, type Scope } from '@azotte/common';
import type { catalogV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { isInterval, type Interval } from '../domain/periods';
import { subscriptionOf } from '../store/queries';
import type { SubscriptionRow } from '../store/tables';

/** ChangePriceRequest and PreviewChangePriceRequest alike. */
export interface PriceChangeRequest {
  id: string;
  priceId: string;
  /** 0 keeps the current quantity. */
  quantity: number;
}

/** A change of price that passed every check: the new price and quantity, as the catalog quoted them. */
export interface PriceChangeTerms {
  priceId: string;
  quantity: number;
  quote: catalogV1.Quote & { interval: Interval };
}

/**
 * Checks a change of price and quotes the new price at the new quantity: the
 * one gate ChangePrice and its preview both pass, so that they refuse the same
 * requests with the same errors. Answers the subscription as read (unlocked).
 */
export async function priceChangeTerms(deps: Deps, scope: Scope, req: PriceChangeRequest): Promise<{ current: SubscriptionRow; terms: PriceChangeTerms }> {
  if (!req.priceId) throw invalidArgument([{ path: 'priceId', message: 'is required' }]);
  if (req.quantity < 0 || req.quantity > 1_000_000) throw invalidArgument([{ path: 'quantity', message: 'must be between 1 and 1000000' }]);
  const current = await subscriptionOf(deps.db, scope, req.id);
  const quantity = req.quantity || Number(current.quantity);
  const quote = await deps.remote.quote(scope, { priceId: req.priceId, quantity, storefrontId: current.storefront_id ?? '', country: '' });
  if (!quote.sellable) {
    throw unprocessable('price_not_sellable', `Price ${req.priceId} cannot be subscribed to: ${quote.unsellableReason}.`, [
      { path: 'priceId', message: quote.unsellableReason },
    ]);
  }
  if (quote.currency !== current.currency) {
    throw unprocessable('currency_mismatch', `The new price is in ${quote.currency}, the subscription in ${current.currency}.`, [
      { path: 'priceId', message: 'has another currency' },
    ]);
  }
  if (!isInterval(quote.interval)) throw unprocessable('price_not_sellable', `Price ${req.priceId} has an unknown interval.`);
  return { current, terms: { priceId: req.priceId, quantity, quote: { ...quote, interval: quote.interval } } };
}
