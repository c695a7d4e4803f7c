import { tenantTable, type Db } from '@azotte/common';
import type { Knex } from 'knex';

/** Counters of one tenant and month: what happened within it. */
export interface UsageCounters {
  apiCalls: number;
  events: number;
}

/** Gauges of one tenant as of a month: how much there is. */
export interface UsageGauges {
  customers: number;
  activeSubscriptions: number;
}

const counters = tenantTable('usage_counters');
const gauges = tenantTable('usage_gauges');
const subscriptions = tenantTable('usage_subscriptions');
const customers = tenantTable('usage_customers');

export async function addCounters(db: Db, tenantId: string, month: string, add: Partial<UsageCounters>): Promise<void> {
  const apiCalls = add.apiCalls ?? 0;
  const events = add.events ?? 0;
  await counters
    .insert(db, tenantId, { month, api_calls: apiCalls, events })
    .onConflict(['tenant_id', 'month'])
    .merge({
      api_calls: db.raw('usage_counters.api_calls + ?', [apiCalls]),
      events: db.raw('usage_counters.events + ?', [events]),
    });
}

export async function readCounters(db: Db, tenantId: string, month: string): Promise<UsageCounters> {
  const row: { api_calls: string; events: string } | undefined = await counters
    .in(db, tenantId)
    .andWhere({ month })
    .first('api_calls', 'events');
  return { apiCalls: Number(row?.api_calls ?? 0), events: Number(row?.events ?? 0) };
}

/** The gauges as of `month`: its own snapshot, or the latest earlier one, or zero. */
export async function readGauges(db: Db, tenantId: string, month: string): Promise<UsageGauges> {
  const row: { customers: string; active_subscriptions: string } | undefined = await gauges
    .in(db, tenantId)
    .andWhere('month', '<=', month)
    .orderBy('month', 'desc')
    .first('customers', 'active_subscriptions');
  return { customers: Number(row?.customers ?? 0), activeSubscriptions: Number(row?.active_subscriptions ?? 0) };
}

/**
 * Moves the gauges by `delta` from `month` on. The month gets a snapshot
 * (copied from the latest earlier one when it has none), and snapshots of
 * later months move too, so an event that arrives late still counts from the
 * month it happened in.
 */
export async function moveGauges(
  trx: Knex.Transaction,
  tenantId: string,
  month: string,
  delta: Partial<UsageGauges>,
): Promise<void> {
  const dc = delta.customers ?? 0;
  const ds = delta.activeSubscriptions ?? 0;
  if (dc === 0 && ds === 0) return;
  const base = await readGauges(trx, tenantId, month);
  await gauges
    .insert(trx, tenantId, { month, customers: base.customers, active_subscriptions: base.activeSubscriptions })
    .onConflict(['tenant_id', 'month'])
    .ignore();
  await gauges
    .in(trx, tenantId)
    .andWhere('month', '>=', month)
    .update({
      customers: trx.raw('customers + ?', [dc]),
      active_subscriptions: trx.raw('active_subscriptions + ?', [ds]),
    });
}

/** Records a subscription's status and returns the one it had before (undefined when new). */
export async function swapSubscriptionStatus(
  trx: Knex.Transaction,
  tenantId: string,
  subscriptionId: string,
  status: string,
): Promise<string | undefined> {
  const previous: { status: string } | undefined = await subscriptions
    .in(trx, tenantId)
    .andWhere({ subscription_id: subscriptionId })
    .forUpdate()
    .first('status');
  await subscriptions
    .insert(trx, tenantId, { subscription_id: subscriptionId, status })
    .onConflict(['tenant_id', 'subscription_id'])
    .merge(['status']);
  return previous?.status;
}

/** Marks a customer present; false when it was already known (created twice, or after removal). */
export async function addCustomer(trx: Knex.Transaction, tenantId: string, customerId: string): Promise<boolean> {
  const inserted = await customers
    .insert(trx, tenantId, { customer_id: customerId, removed: false })
    .onConflict(['tenant_id', 'customer_id'])
    .ignore()
    .returning('customer_id');
  return inserted.length > 0;
}

/**
 * Marks a customer removed; true only when it was counted as present. A removal
 * that arrives before the creation is recorded without counting, so the late
 * creation is then ignored and the two cancel out.
 */
export async function removeCustomer(trx: Knex.Transaction, tenantId: string, customerId: string): Promise<boolean> {
  const updated = await customers
    .in(trx, tenantId)
    .andWhere({ customer_id: customerId, removed: false })
    .update({ removed: true })
    .returning('customer_id');
  if (updated.length > 0) return true;
  await customers
    .insert(trx, tenantId, { customer_id: customerId, removed: true })
    .onConflict(['tenant_id', 'customer_id'])
    .ignore();
  return false;
}
