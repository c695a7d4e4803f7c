/**
 * What an evaluation knows about the checkout, gathered from the services
 * that own it: the customer (customer service) and the price (catalog).
 */
export interface CustomerFacts {
  id: string;
  country?: string;
  storefrontId?: string;
  metadata: Record<string, string>;
}

export interface PriceFacts {
  priceId: string;
  bundleId: string;
  currency: string;
  /** The first period's amount at quantity 1, minor units: what discounts are compared on. */
  amount: number;
}

/**
 * Where the facts come from. Both throw `not_found` (`customer_not_found`,
 * `price_not_found`) for an unknown id, and an erased customer is unknown.
 */
export interface FactsSource {
  customer(id: string): Promise<CustomerFacts>;
  price(id: string): Promise<PriceFacts>;
}
