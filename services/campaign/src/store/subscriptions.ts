import { scopedTable, type Db, type Scope } from '@azotte/common';

/** Statuses of a subscription that never started: it does not make its customer an existing one. */
export const NEVER_STARTED = ['incomplete_expired'];

const subscriptions = scopedTable('customer_subscriptions');

/**
 * Records the latest status billing reported for a subscription. A
 * subscription that expired incomplete stays so, even if an older event about
 * it arrives late.
 */
export async function recordSubscription(
  db: Db,
  scope: Scope,
  row: { subscription_id: string; customer_id: string; status: string },
): Promise<void> {
  await subscriptions
    .insert(db, scope, { ...row, updated_at: db.fn.now() })
    .onConflict(['tenant_id', 'environment_id', 'subscription_id'])
    .merge({
      status: db.raw(
        `CASE WHEN customer_subscriptions.status IN (?) THEN customer_subscriptions.status ELSE EXCLUDED.status END`,
        [NEVER_STARTED],
      ),
      updated_at: db.fn.now(),
    });
}

/** True when billing told us of a subscription of the customer that started or may still start. */
export async function customerHasSubscription(db: Db, scope: Scope, customerId: string): Promise<boolean> {
  const row = await subscriptions
    .in(db, scope)
    .andWhere({ customer_id: customerId })
    .whereNotIn('status', NEVER_STARTED)
    .first('subscription_id');
  return row !== undefined;
}

/** The last status billing reported for a subscription, if it reported any. */
export async function subscriptionStatus(db: Db, scope: Scope, subscriptionId: string): Promise<string | undefined> {
  const row = await subscriptions.in(db, scope).andWhere({ subscription_id: subscriptionId }).first('status');
  return row?.status;
}
