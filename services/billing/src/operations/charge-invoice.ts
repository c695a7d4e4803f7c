import { newId, type Db, type Scope } from '@azotte/common';
import type { Deps } from '../domain/deps';
import { emitInvoice, emitPayment } from '../events/emit';
import { invoiceOf, paymentIdsOf } from '../store/queries';
import { chargeKey, type ChargePurpose } from './charge-keys';
import { invoices, paymentMethods, payments, type InvoiceRow, type PaymentMethodRow, type PaymentRow, type SubscriptionRow } from '../store/tables';

export interface ChargeOutcome {
  invoice: InvoiceRow;
  paid: boolean;
  /** The decline code when not paid. */
  failureCode?: string;
  payment?: PaymentRow;
}

/** The payment method to charge: the one named, else the subscription's, else the customer's default. */
export async function paymentMethodFor(trx: Db, scope: Scope, sub: SubscriptionRow, named?: string): Promise<PaymentMethodRow | undefined> {
  const q = paymentMethods.in(trx, scope).where({ customer_id: sub.customer_id });
  if (named) return (await q.clone().where({ id: named }).first()) as PaymentMethodRow | undefined;
  if (sub.payment_method_id) {
    const own = (await q.clone().where({ id: sub.payment_method_id }).first()) as PaymentMethodRow | undefined;
    if (own) return own;
  }
  return (await q.clone().where({ is_default: true }).first()) as PaymentMethodRow | undefined;
}

/**
 * Charges an open invoice once, under a lock on its row: two callers never
 * charge it together, and the provider's idempotency key (`chargeKey` of what
 * the charge is for and the attempt) makes a repeated call charge nothing
 * more, even after a rollback that forgot the invoice. An invoice created in
 * the caller's transaction must be charged with its purpose (`renewal`,
 * `first`, `change`); one already committed may use the default, its id.
 * Every attempt is recorded as a payment, declined ones with the provider's code.
 */
export async function chargeInvoice(
  deps: Deps,
  trx: Db,
  scope: Scope,
  sub: SubscriptionRow,
  invoiceId: string,
  at: Date,
  paymentMethodId?: string,
  purpose: ChargePurpose = { kind: 'invoice', invoiceId },
): Promise<ChargeOutcome> {
  const invoice = await invoiceOf(trx, scope, invoiceId, true);
  if (invoice.status !== 'open') return { invoice, paid: invoice.status === 'paid' };
  const method = await paymentMethodFor(trx, scope, sub, paymentMethodId);
  const attempt = invoice.attempts + 1;
  const payment = paymentRowOf(scope, invoice, method, attempt, await chargeThrough(deps, method, invoice, chargeKey(purpose, attempt)), at);
  const { status, failure_code } = payment;
  const failureCode = failure_code ?? undefined;
  const amount = Number(invoice.total);
  const { tenant_id: _t, environment_id: _e, ...insert } = payment;
  await payments.insert(trx, scope, insert);
  const update: Partial<InvoiceRow> = { attempts: attempt };
  if (status === 'succeeded') Object.assign(update, { status: 'paid', amount_paid: amount, paid_at: at });
  await invoices.in(trx, scope).where({ id: invoice.id }).update(update);
  const updated: InvoiceRow = { ...invoice, ...update };
  // Every attempt is a payment row: the first attempt's ids need no query.
  const ids = attempt === 1 ? [payment.id] : ((await paymentIdsOf(trx, [invoice.id])).get(invoice.id) ?? []);
  await emitPayment(trx, scope, payment, sub, at, { row: updated, paymentIds: ids });
  if (status === 'succeeded') await emitInvoice(trx, scope, 'invoicePaid', updated, ids, sub, at);
  return { invoice: updated, paid: status === 'succeeded', failureCode, payment };
}

export interface AttemptResult {
  status: 'succeeded' | 'failed';
  failureCode?: string;
  chargeId?: string;
}

/** One charge attempt of an invoice's total through the method's provider; the key (from `chargeKey`) makes a repeat charge nothing more. */
export async function chargeThrough(deps: Deps, method: PaymentMethodRow | undefined, invoice: InvoiceRow, idempotencyKey: string): Promise<AttemptResult> {
  if (!method) return { status: 'failed', failureCode: 'payment_method_missing' };
  const adapter = deps.providers.byName(method.provider);
  if (!adapter) return { status: 'failed', failureCode: 'provider_unavailable' };
  const result = await adapter.charge({
    token: method.token,
    amount: Number(invoice.total),
    currency: invoice.currency,
    idempotencyKey,
  });
  return result.status === 'succeeded' ? { status: 'succeeded', chargeId: result.chargeId } : { status: 'failed', failureCode: result.failureCode };
}

/** The payment row recording one attempt, declined ones with the provider's code. */
export function paymentRowOf(scope: Scope, invoice: InvoiceRow, method: PaymentMethodRow | undefined, attempt: number, result: AttemptResult, at: Date): PaymentRow {
  return {
    id: newId('pay'),
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    invoice_id: invoice.id,
    customer_id: invoice.customer_id,
    subscription_id: invoice.subscription_id,
    payment_method_id: method?.id ?? null,
    provider: method?.provider ?? 'none',
    provider_charge_id: result.chargeId ?? null,
    attempt,
    amount: Number(invoice.total),
    currency: invoice.currency,
    status: result.status,
    failure_code: result.failureCode ?? null,
    amount_refunded: 0,
    created_at: at,
  };
}
