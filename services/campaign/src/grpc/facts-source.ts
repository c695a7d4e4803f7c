import { createGrpcClient, notFound, type MetricsRegistry, type PromiseClient } from '@azotte/common';
import { catalogV1, customerV1 } from '@azotte/proto';
import type { FactsSource } from '../domain/facts';

export type CustomerClient = PromiseClient<typeof customerV1.CustomerServiceService>;
export type CatalogClient = PromiseClient<typeof catalogV1.CatalogServiceService>;

export const connectCustomer = (address: string, deadlineMs: number, registry?: MetricsRegistry): CustomerClient =>
  createGrpcClient(customerV1.CustomerServiceService, address, { name: 'customer', deadlineMs, registry });

export const connectCatalog = (address: string, deadlineMs: number, registry?: MetricsRegistry): CatalogClient =>
  createGrpcClient(catalogV1.CatalogServiceService, address, { name: 'catalog', deadlineMs, registry });

/**
 * The facts of a checkout as their owners answer: the customer service
 * (GetCustomer) and the catalog (QuoteAmount at quantity 1: bundle, currency
 * and one period's amount). Each call carries the current call's context, so
 * the owner applies the caller's own scope. `customer_not_found` and
 * `price_not_found` come back as the owners throw them; an erased customer is
 * not found here either; a service that is down is `unavailable` (503).
 */
export function grpcFacts(customers: CustomerClient, catalog: CatalogClient): FactsSource {
  return {
    async customer(id) {
      const customer = await customers.getCustomer({ id });
      if (customer.erased) throw notFound('customer', id);
      return {
        id: customer.id,
        country: customer.country,
        storefrontId: customer.storefrontId,
        metadata: customer.metadata,
      };
    },
    async price(id) {
      const quote = await catalog.quoteAmount({ priceId: id, quantity: 1, storefrontId: '', country: '' });
      return { priceId: quote.priceId, bundleId: quote.bundleId, currency: quote.currency, amount: quote.amount };
    },
  };
}
