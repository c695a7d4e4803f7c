import type { Db, Scope } from '@azotte/common';
import { emitInvoice, emitSubscription } from '../events/emit';
import { paymentIdsOf } from '../store/queries';
import { invoices, subscriptions, type InvoiceRow, type SubscriptionRow } from '../store/tables';

/**
 * Ends a subscription: `canceled` (event canceled) or, for an incomplete one
 * whose first invoice went unpaid, `incomplete_expired` (event expired). Its
 * open invoices are voided, or marked uncollectible after failed dunning.
 */
export async function endSubscription(
  trx: Db,
  scope: Scope,
  sub: SubscriptionRow,
  at: Date,
  how: { status: 'canceled' | 'incomplete_expired'; openInvoices: 'void' | 'uncollectible' },
): Promise<void> {
  const previousStatus = sub.status;
  const open = (await invoices.in(trx, scope).where({ subscription_id: sub.id, status: 'open' }).forUpdate()) as InvoiceRow[];
  if (open.length > 0) {
    await invoices.in(trx, scope).whereIn('id', open.map((i) => i.id)).update({ status: how.openInvoices });
    if (how.openInvoices === 'void') {
      const ids = await paymentIdsOf(trx, open.map((i) => i.id));
      for (const inv of open) await emitInvoice(trx, scope, 'invoiceVoided', { ...inv, status: 'void' }, ids.get(inv.id)!, sub, at);
    }
  }
  const change = {
    status: how.status,
    canceled_at: sub.canceled_at ?? at,
    ended_at: at,
    next_action_at: null,
    updated_at: at,
  };
  Object.assign(sub, change);
  await subscriptions.in(trx, scope).where({ id: sub.id }).update(change);
  await emitSubscription(trx, scope, how.status === 'canceled' ? 'subscriptionCanceled' : 'subscriptionExpired', sub, at, {
    previousStatus,
  });
}
