import { TEST_CLOCK_ADVANCED, type EnvironmentClocks } from '@azotte/common';
import { EVENTS } from '@azotte/proto';
import type { Knex } from 'knex';
import { applyAssignment, applyCampaign, applyRedemption } from '../projections/campaigns';
import { applyPaymentAttempt, applyRefund } from '../projections/payments';
import { applySubscriptionEvent } from '../projections/subscriptions';
import { applyTenant } from '../projections/tenants';
import type { StoredEvent } from './stored-event';

/**
 * Applies one kept event to every projection it feeds. The same function
 * serves live consumption and rebuilds, so both give the same figures.
 */
export async function applyEvent(trx: Knex.Transaction, clocks: EnvironmentClocks, event: StoredEvent): Promise<void> {
  const { type } = event;
  if (type.startsWith('billing.subscription.')) return applySubscriptionEvent(trx, event);
  if (type === EVENTS.billing.paymentSucceeded || type === EVENTS.billing.paymentFailed) return applyPaymentAttempt(trx, event);
  if (type === EVENTS.billing.refundCreated) return applyRefund(trx, event);
  if (type === EVENTS.tenant.tenantCreated || type === EVENTS.tenant.tenantUpdated) return applyTenant(trx, event);
  if (type.startsWith('campaign.campaign.')) return applyCampaign(trx, event);
  if (type === EVENTS.campaign.variantAssigned) return applyAssignment(trx, event);
  if (type.startsWith('campaign.redemption.')) return applyRedemption(trx, event);
  if (type === TEST_CLOCK_ADVANCED) return clocks.handler()(event, trx);
}
