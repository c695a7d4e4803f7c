import type { Db, NewEvent, Scope } from '@azotte/common';
import { enqueueEvents } from '@azotte/common';
import type { Deps } from '../domain/deps';
import { invoiceEvent, paymentEvent, subscriptionEvent } from '../events/emit';
import { chargeThrough, paymentRowOf, type AttemptResult } from '../operations/charge-invoice';
import { chargeKey } from '../operations/charge-keys';
import { insertRows, updateFromValues } from '../store/batch-writes';
import type { InvoiceRow, PaymentMethodRow, SubscriptionRow } from '../store/tables';
import { draftRenewal, renewalChange, settleRenewal, type DraftRenewal } from './renewal-plan';

export interface DueRenewal {
  row: SubscriptionRow;
  scope: Scope;
  at: Date;
  converting: boolean;
}

/** Charges in flight at once within a batch: enough to hide a provider's latency, few enough not to flood it. */
const CHARGE_CONCURRENCY = 32;

interface Renewal extends DueRenewal {
  sub: SubscriptionRow;
  draft: DraftRenewal;
  events: NewEvent[];
  charge?: PromiseSettledResult<AttemptResult>;
}

/**
 * Renews a batch of locked subscriptions together, doing what `processDue`
 * does for each renewal with a handful of statements for the whole batch.
 * The invoices are written before anything is charged, so that a batch the
 * database refuses (a period already billed) has charged nothing: it returns
 * `false` and the caller takes the rows one at a time. A charge that throws
 * leaves its subscription as it was (its invoice removed) to be tried again.
 */
export async function renewBatch(deps: Deps, trx: Db, due: DueRenewal[], failed: (row: SubscriptionRow, err: unknown) => void): Promise<boolean> {
  // Copies: the rows stay as read if the batch falls back to one at a time.
  const all: Renewal[] = due.map((d) => {
    const sub = { ...d.row };
    const draft = draftRenewal(d.scope, sub, d.at, d.converting);
    const events = [invoiceEvent(d.scope, 'invoiceCreated', draft.invoice, [], sub, d.at)];
    if (draft.invoice.status === 'paid') events.push(invoiceEvent(d.scope, 'invoicePaid', draft.invoice, [], sub, d.at));
    return { ...d, sub, draft, events };
  });
  try {
    await trx.transaction((sp) => insertRows(sp, 'invoices', all.map((r) => ({ ...r.draft.invoice, lines: JSON.stringify(r.draft.invoice.lines) }))));
  } catch {
    return false;
  }
  const charging = all.filter((r) => r.draft.invoice.status === 'open');
  const methods = await methodsFor(trx, charging.map((r) => r.sub));
  await inPool(charging, CHARGE_CONCURRENCY, async (r) => {
    const key = chargeKey({ kind: 'renewal', subscriptionId: r.sub.id, periodStart: r.sub.current_period_start }, 1);
    r.charge = await chargeThrough(deps, methods(r.sub), r.draft.invoice, key).then(
      (value) => ({ status: 'fulfilled' as const, value }),
      (reason: unknown) => ({ status: 'rejected' as const, reason }),
    );
  });
  const thrown = charging.filter((r) => r.charge?.status === 'rejected');
  for (const r of thrown) failed(r.row, (r.charge as PromiseRejectedResult).reason);
  if (thrown.length > 0) await trx('invoices').whereIn('id', thrown.map((r) => r.draft.invoice.id)).delete();
  const renewed = all.filter((r) => r.charge?.status !== 'rejected');
  const payments = [];
  const paidInvoices: Array<Partial<InvoiceRow>> = [];
  for (const r of renewed) {
    let paid = r.draft.invoice.status === 'paid';
    if (r.charge?.status === 'fulfilled') {
      // The first attempt of a new invoice, as `chargeInvoice` records it.
      const payment = paymentRowOf(r.scope, r.draft.invoice, methods(r.sub), 1, r.charge.value, r.at);
      payments.push(payment);
      paid = payment.status === 'succeeded';
      const invoice: InvoiceRow = { ...r.draft.invoice, attempts: 1, ...(paid ? { status: 'paid', amount_paid: Number(payment.amount), paid_at: r.at } : {}) };
      paidInvoices.push(invoice);
      r.events.push(paymentEvent(r.scope, payment, r.sub, r.at, { row: invoice, paymentIds: [payment.id] }));
      if (paid) r.events.push(invoiceEvent(r.scope, 'invoicePaid', invoice, [payment.id], r.sub, r.at));
    }
    const event = settleRenewal(r.sub, r.draft, paid, r.converting, r.at);
    r.events.push(subscriptionEvent(r.scope, event, r.sub, r.at, { previousStatus: r.draft.previousStatus, invoiceId: r.draft.invoice.id }));
  }
  await insertRows(trx, 'payments', payments);
  await updateFromValues(trx, 'invoices', { attempts: 'int', status: 'text', amount_paid: 'bigint', paid_at: 'timestamptz' }, paidInvoices);
  await updateFromValues(trx, 'subscriptions', SUBSCRIPTION_COLUMNS, renewed.map((r) => subscriptionValues(r.sub)));
  await enqueueEvents(trx, renewed.flatMap((r) => r.events));
  for (const r of renewed) {
    Object.assign(r.row, r.sub);
    deps.entitlements.forgetCustomer(r.scope, r.sub.customer_id);
  }
  return true;
}

const SUBSCRIPTION_COLUMNS = {
  credit_balance: 'bigint',
  latest_invoice_id: 'text',
  discount: 'jsonb',
  cycle: 'int',
  current_period_start: 'timestamptz',
  current_period_end: 'timestamptz',
  updated_at: 'timestamptz',
  status: 'text',
  next_action_at: 'timestamptz',
  first_failed_at: 'timestamptz',
  retry_count: 'int',
};

const subscriptionValues = (sub: SubscriptionRow) => ({
  id: sub.id,
  credit_balance: sub.credit_balance,
  latest_invoice_id: sub.latest_invoice_id,
  discount: sub.discount ? JSON.stringify(sub.discount) : null,
  ...renewalChange(sub),
});

/**
 * The payment method each subscription is charged with, as `paymentMethodFor`
 * chooses it (its own, else its customer's default), from one query for the batch.
 */
async function methodsFor(trx: Db, subs: SubscriptionRow[]): Promise<(sub: SubscriptionRow) => PaymentMethodRow | undefined> {
  const keyOf = (t: string, e: string, c: string) => `${t}\u0000${e}\u0000${c}`;
  const byCustomer = new Map<string, PaymentMethodRow[]>();
  if (subs.length > 0) {
    const rows = (await trx('payment_methods').whereIn(
      ['tenant_id', 'environment_id', 'customer_id'],
      [...new Map(subs.map((s) => [keyOf(s.tenant_id, s.environment_id, s.customer_id), [s.tenant_id, s.environment_id, s.customer_id]])).values()],
    )) as PaymentMethodRow[];
    for (const m of rows) {
      const key = keyOf(m.tenant_id, m.environment_id, m.customer_id);
      byCustomer.set(key, [...(byCustomer.get(key) ?? []), m]);
    }
  }
  return (sub) => {
    const own = byCustomer.get(keyOf(sub.tenant_id, sub.environment_id, sub.customer_id)) ?? [];
    return (sub.payment_method_id ? own.find((m) => m.id === sub.payment_method_id) : undefined) ?? own.find((m) => m.is_default);
  };
}

/** Runs `work` over `items` with at most `limit` at once. */
async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
