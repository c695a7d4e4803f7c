import { newId, type Db, type Scope } from '@azotte/common';
import type { Deps } from '../domain/deps';
import { emitInvoice, emitPayment } from '../events/emit';
import { invoiceOf, paymentIdsOf } from '../store/queries';
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
 * charge it together, and the provider's idempotency key (`<invoice>:<attempt>`)
 * makes a repeated call with the same attempt charge nothing more. Every
 * attempt is recorded as a payment, declined ones with the provider's code.
 */
export async function chargeInvoice(
  deps: Deps,
  trx: Db,
  scope: Scope,
  sub: SubscriptionRow,
  invoiceId: string,
  at: Date,
  paymentMethodId?: string,
): Promise<ChargeOutcome> {
  const invoice = await invoiceOf(trx, scope, invoiceId, true);
  if (invoice.status !== 'open') return { invoice, paid: invoice.status === 'paid' };
  const method = await paymentMethodFor(trx, scope, sub, paymentMethodId);
  const attempt = invoice.attempts + 1;
  const amount = Number(invoice.total);
  let status: 'succeeded' | 'failed' = 'failed';
  let failureCode: string | undefined;
  let chargeId: string | undefined;
  const adapter = method ? deps.providers.byName(method.provider) : undefined;
  if (!method) failureCode = 'payment_method_missing';
  else if (!adapter) failureCode = 'provider_unavailable';
  else {
    const result = await adapter.charge({
      token: method.token,
      amount,
      currency: invoice.currency,
      idempotencyKey: `${invoice.id}:${attempt}`,
    });
    if (result.status === 'succeeded') {
      status = 'succeeded';
      chargeId = result.chargeId;
    } else failureCode = result.failureCode;
  }
  const payment: PaymentRow = {
    id: newId('pay'),
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    invoice_id: invoice.id,
    customer_id: invoice.customer_id,
    subscription_id: invoice.subscription_id,
    payment_method_id: method?.id ?? null,
    provider: method?.provider ?? 'none',
    provider_charge_id: chargeId ?? null,
    attempt,
    amount,
    currency: invoice.currency,
    status,
    failure_code: failureCode ?? null,
    amount_refunded: 0,
    created_at: at,
  };
  const { tenant_id: _t, environment_id: _e, ...insert } = payment;
  await payments.insert(trx, scope, insert);
  const update: Partial<InvoiceRow> = { attempts: attempt };
  if (status === 'succeeded') Object.assign(update, { status: 'paid', amount_paid: amount, paid_at: at });
  await invoices.in(trx, scope).where({ id: invoice.id }).update(update);
  const updated: InvoiceRow = { ...invoice, ...update };
  await emitPayment(trx, scope, payment, sub, at);
  if (status === 'succeeded') {
    // Every attempt is a payment row: the first attempt's ids need no query.
    const ids = attempt === 1 ? [payment.id] : ((await paymentIdsOf(trx, [invoice.id])).get(invoice.id) ?? []);
    await emitInvoice(trx, scope, 'invoicePaid', updated, ids, sub, at);
  }
  return { invoice: updated, paid: status === 'succeeded', failureCode, payment };
}
