import type { Api } from '../http/api';
import { billingClockRoutes } from './billing-clock';
import { billingPaymentRoutes } from './billing-payments';
import { billingSubscriptionRoutes } from './billing-subscriptions';

/** Every route of API.md "Billing", and a customer's entitlements. */
export function billingRoutes(api: Api): void {
  billingPaymentRoutes(api);
  billingSubscriptionRoutes(api);
  billingClockRoutes(api);
}
