import { newId, type Db, type Scope } from '@azotte/common';
import { emitInvoice } from '../events/emit';
import { invoiceTotals, type DiscountTerms, type Line, type TaxSettings } from '../domain/invoice-math';
import { invoices, subscriptions, type InvoiceRow, type SubscriptionRow } from '../store/tables';

export interface NewInvoice {
  reason: 'subscription_create' | 'subscription_cycle' | 'subscription_update';
  lines: Line[];
  /** The part of the lines a discount may take from (recurring charges only). */
  discountable: number;
  /** Whether this invoice uses one cycle of the subscription's discount. */
  applyDiscount: boolean;
  /** The period billed (create and cycle invoices): one invoice per period, enforced by a unique index. */
  periodStart?: Date;
  at: Date;
  dueAt?: Date;
}

export const taxOf = (sub: SubscriptionRow): TaxSettings | undefined =>
  sub.tax_behavior && sub.tax_rate_percent
    ? { behavior: sub.tax_behavior === 'inclusive' ? 'inclusive' : 'exclusive', ratePercent: sub.tax_rate_percent }
    : undefined;

/**
 * Writes an open invoice for a subscription: its lines, the subscription's
 * credit, its discount (counting down the offer's cycles) and its tax, each
 * rounded once. Updates the subscription row in `sub` (discount cycles,
 * credit, latest invoice) in place and in the table.
 */
export async function createInvoice(trx: Db, scope: Scope, sub: SubscriptionRow, spec: NewInvoice): Promise<InvoiceRow> {
  return writeInvoice(trx, scope, sub, draftInvoice(scope, sub, spec), spec.at);
}

/** Writes a drafted invoice, the subscription's part of it and its events. */
export async function writeInvoice(trx: Db, scope: Scope, sub: SubscriptionRow, row: InvoiceRow, at: Date): Promise<InvoiceRow> {
  const { tenant_id: _t, environment_id: _e, ...insert } = row;
  await invoices.insert(trx, scope, { ...insert, lines: JSON.stringify(row.lines) });
  await subscriptions
    .in(trx, scope)
    .where({ id: sub.id })
    .update({ credit_balance: sub.credit_balance, latest_invoice_id: row.id, discount: sub.discount ? JSON.stringify(sub.discount) : null });
  await emitInvoice(trx, scope, 'invoiceCreated', row, [], sub, at);
  if (row.status === 'paid') await emitInvoice(trx, scope, 'invoicePaid', row, [], sub, at);
  return row;
}

/**
 * The invoice `createInvoice` writes, computed in memory only (the scheduler
 * writes a batch of them at once). Updates `sub` in place as `createInvoice`
 * does; the caller writes it.
 */
export function draftInvoice(scope: Scope, sub: SubscriptionRow, spec: NewInvoice): InvoiceRow {
  const lines = [...spec.lines];
  let subtotal = lines.reduce((s, l) => s + l.amount, 0);
  let credit = Number(sub.credit_balance);
  if (credit > 0 && subtotal > 0) {
    const used = Math.min(credit, subtotal);
    lines.push({ description: 'Credit from an earlier change', amount: -used, quantity: 1, kind: 'credit' });
    credit -= used;
    subtotal -= used;
  }
  const discount = sub.discount;
  const discounting = spec.applyDiscount && discount && (discount.remainingCycles === undefined || discount.remainingCycles > 0);
  const terms: DiscountTerms | undefined = discounting ? { type: discount!.type, percentOff: discount!.percentOff, amountOff: discount!.amountOff } : undefined;
  const tax = taxOf(sub);
  let totals = invoiceTotals(lines, Math.min(spec.discountable, subtotal), terms, tax);
  if (totals.total < 0) {
    // More credit than charge: the rest waits for the next invoice.
    credit += -totals.total;
    lines.push({ description: 'Unused credit carried to the next invoice', amount: -totals.total, quantity: 1, kind: 'credit' });
    totals = { ...totals, subtotal: totals.subtotal - totals.total, total: 0 };
  }
  if (discounting && totals.discount > 0 && discount!.remainingCycles !== undefined) {
    sub.discount = { ...discount!, remainingCycles: discount!.remainingCycles - 1 };
  }
  const row: InvoiceRow = {
    id: newId('inv'),
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    customer_id: sub.customer_id,
    subscription_id: sub.id,
    status: totals.total === 0 ? 'paid' : 'open',
    currency: sub.currency,
    billing_reason: spec.reason,
    lines: lines.map((l) => ({ ...l })),
    subtotal: totals.subtotal,
    discount: totals.discount,
    tax: totals.tax,
    total: totals.total,
    tax_behavior: tax && totals.tax > 0 ? tax.behavior : null,
    amount_paid: 0,
    amount_refunded: 0,
    attempts: 0,
    period_start: spec.periodStart ?? null,
    due_at: spec.dueAt ?? null,
    paid_at: totals.total === 0 ? spec.at : null,
    created_at: spec.at,
  };
  sub.credit_balance = credit;
  sub.latest_invoice_id = row.id;
  return row;
}
