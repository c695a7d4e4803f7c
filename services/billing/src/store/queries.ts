import { notFound, type Db, type Scope } from '@azotte/common';
import {
  checkoutSessions,
  invoices,
  payments,
  refunds,
  subscriptions,
  type CheckoutSessionRow,
  type InvoiceRow,
  type PaymentRow,
  type RefundRow,
  type SubscriptionRow,
} from './tables';

export async function subscriptionOf(db: Db, scope: Scope, id: string, lock = false): Promise<SubscriptionRow> {
  const q = subscriptions.in(db, scope).where({ id }).first();
  const row = (await (lock ? q.forUpdate() : q)) as SubscriptionRow | undefined;
  if (!row) throw notFound('subscription', id);
  return row;
}

export async function invoiceOf(db: Db, scope: Scope, id: string, lock = false): Promise<InvoiceRow> {
  const q = invoices.in(db, scope).where({ id }).first();
  const row = (await (lock ? q.forUpdate() : q)) as InvoiceRow | undefined;
  if (!row) throw notFound('invoice', id);
  return row;
}

export async function paymentOf(db: Db, scope: Scope, id: string, lock = false): Promise<PaymentRow> {
  const q = payments.in(db, scope).where({ id }).first();
  const row = (await (lock ? q.forUpdate() : q)) as PaymentRow | undefined;
  if (!row) throw notFound('payment', id);
  return row;
}

export async function refundOf(db: Db, scope: Scope, id: string): Promise<RefundRow> {
  const row = (await refunds.in(db, scope).where({ id }).first()) as RefundRow | undefined;
  if (!row) throw notFound('refund', id);
  return row;
}

export async function checkoutSessionOf(db: Db, scope: Scope, id: string, lock = false): Promise<CheckoutSessionRow> {
  const q = checkoutSessions.in(db, scope).where({ id }).first();
  const row = (await (lock ? q.forUpdate() : q)) as CheckoutSessionRow | undefined;
  if (!row) throw notFound('checkout_session', id);
  return row;
}

/** The payment ids of each invoice, oldest attempt first. */
export async function paymentIdsOf(db: Db, invoiceIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(invoiceIds.map((id) => [id, []]));
  if (invoiceIds.length === 0) return map;
  const rows = (await db('payments').whereIn('invoice_id', invoiceIds).orderBy('id').select('id', 'invoice_id')) as Array<{
    id: string;
    invoice_id: string;
  }>;
  for (const r of rows) map.get(r.invoice_id)!.push(r.id);
  return map;
}
