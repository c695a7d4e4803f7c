import type { BundleStatus } from '../store/bundles';
import type { PriceStatus } from '../store/prices';

export type UnsellableReason =
  | 'price_archived'
  | 'bundle_archived'
  | 'bundle_draft'
  | 'storefront_not_allowed'
  | 'country_not_allowed';

export interface Offer {
  priceStatus: PriceStatus;
  bundleStatus: BundleStatus;
  /** The price's restrictions; empty = everywhere. */
  storefrontIds: string[];
  countries: string[];
}

/**
 * Why a new subscription may not start on a price, or undefined when it may:
 * the price and its bundle must be active, and the storefront and country
 * (when the caller names them) among those the price is restricted to.
 * Existing subscriptions are not concerned: an archived price keeps them.
 */
export function unsellableReason(offer: Offer, where: { storefrontId?: string; country?: string }): UnsellableReason | undefined {
  if (offer.priceStatus === 'archived') return 'price_archived';
  if (offer.bundleStatus === 'archived') return 'bundle_archived';
  if (offer.bundleStatus === 'draft') return 'bundle_draft';
  const { storefrontId, country } = where;
  if (storefrontId && offer.storefrontIds.length > 0 && !offer.storefrontIds.includes(storefrontId)) {
    return 'storefront_not_allowed';
  }
  if (country && offer.countries.length > 0 && !offer.countries.includes(country)) return 'country_not_allowed';
  return undefined;
}
