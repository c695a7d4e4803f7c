import type { Db, Scope } from '@azotte/common';
import type { Deps } from '../domain/deps';
import { afterCharge } from '../domain/lifecycle';
import { dueActionOf, isStatus, type DueAction } from '../domain/statuses';
import { emitSubscription } from '../events/emit';
import { activateAfterPayment } from '../operations/activate-after-payment';
import { chargeInvoice } from '../operations/charge-invoice';
import { writeInvoice } from '../operations/create-invoice';
import { endSubscription } from '../operations/end-subscription';
import { subscriptions, type SubscriptionRow } from '../store/tables';
import type { RenewalOutcome } from './metrics';
import { draftRenewal, renewalChange, settleRenewal } from './renewal-plan';

export interface Processed {
  renewals: number;
  trialConversions: number;
  retries: number;
  cancellations: number;
}

export const noneProcessed = (): Processed => ({ renewals: 0, trialConversions: 0, retries: 0, cancellations: 0 });

/** A billed period's outcome, from the status its charge left: a declined one goes into dunning. */
export const renewalOutcome = (billed: SubscriptionRow): RenewalOutcome => (billed.status === 'past_due' ? 'payment_failed' : 'succeeded');

export const scopeOfRow = (row: SubscriptionRow): Scope => ({
  tenantId: row.tenant_id,
  environmentId: row.environment_id,
  environmentKind: row.environment_kind,
});

/** Starts the next period (or the first after a trial): invoice it and charge it. */
async function bill(deps: Deps, trx: Db, scope: Scope, sub: SubscriptionRow, at: Date, converting: boolean): Promise<void> {
  const draft = draftRenewal(scope, sub, at, converting);
  const invoice = await writeInvoice(trx, scope, sub, draft.invoice, at);
  // Keyed by the period, not the invoice id: a rollback after the charge must not charge the period again.
  const purpose = { kind: 'renewal' as const, subscriptionId: sub.id, periodStart: sub.current_period_start };
  const outcome = invoice.status === 'paid' ? { paid: true } : await chargeInvoice(deps, trx, scope, sub, invoice.id, at, undefined, purpose);
  const event = settleRenewal(sub, draft, outcome.paid, converting, at);
  await subscriptions.in(trx, scope).where({ id: sub.id }).update(renewalChange(sub));
  await emitSubscription(trx, scope, event, sub, at, { previousStatus: draft.previousStatus, invoiceId: invoice.id });
}

/** Charges the open invoice of a past_due subscription again; after the last failure, cancels it. */
async function retry(deps: Deps, trx: Db, scope: Scope, sub: SubscriptionRow, at: Date): Promise<'recovered' | 'failed' | 'canceled'> {
  const invoiceId = sub.latest_invoice_id;
  const outcome = invoiceId ? await chargeInvoice(deps, trx, scope, sub, invoiceId, at) : { paid: true };
  if (outcome.paid) {
    await activateAfterPayment(trx, scope, sub, invoiceId ?? '', at);
    return 'recovered';
  }
  const next = afterCharge('retry', false, { status: 'past_due', periodEnd: new Date(sub.current_period_end), firstFailedAt: sub.first_failed_at, retryCount: sub.retry_count }, at);
  if (next.status === 'canceled') {
    await endSubscription(trx, scope, sub, at, { status: 'canceled', openInvoices: 'uncollectible' });
    return 'canceled';
  }
  const change = { retry_count: next.retryCount, next_action_at: next.nextActionAt, updated_at: at };
  Object.assign(sub, change);
  await subscriptions.in(trx, scope).where({ id: sub.id }).update(change);
  return 'failed';
}

/**
 * Does what is due for one subscription, at the moment it fell due (so that a
 * test-clock advance over months writes each renewal at its own time). The
 * caller holds the row's lock. What it came to is pushed onto `outcomes`, for
 * the caller to count once its transaction commits.
 */
export async function processDue(deps: Deps, trx: Db, sub: SubscriptionRow, counts: Processed, outcomes: RenewalOutcome[] = []): Promise<DueAction | undefined> {
  if (!isStatus(sub.status)) return undefined;
  const action = dueActionOf(sub.status, sub.cancel_at_period_end);
  const scope = scopeOfRow(sub);
  const at = new Date(sub.next_action_at ?? Date.now());
  switch (action) {
    case 'renew':
      await bill(deps, trx, scope, sub, at, false);
      counts.renewals++;
      outcomes.push(renewalOutcome(sub));
      break;
    case 'convert_trial':
      await bill(deps, trx, scope, sub, at, true);
      counts.trialConversions++;
      outcomes.push(renewalOutcome(sub));
      break;
    case 'retry': {
      counts.retries++;
      const result = await retry(deps, trx, scope, sub, at);
      if (result === 'canceled') counts.cancellations++;
      outcomes.push(result === 'failed' ? 'retry_failed' : result);
      break;
    }
    case 'expire':
      await endSubscription(trx, scope, sub, at, { status: 'incomplete_expired', openInvoices: 'void' });
      counts.cancellations++;
      outcomes.push('expired');
      break;
    case 'cancel_at_period_end':
      await endSubscription(trx, scope, sub, at, { status: 'canceled', openInvoices: 'void' });
      counts.cancellations++;
      outcomes.push('ended');
      break;
    default:
      await subscriptions.in(trx, scope).where({ id: sub.id }).update({ next_action_at: null });
  }
  deps.entitlements.forgetCustomer(scope, sub.customer_id);
  return action;
}
