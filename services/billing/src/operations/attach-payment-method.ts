import { DomainError, invalidArgument, newId, type CallContext, type FieldError } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { BILLING_WRITERS, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { emitPaymentMethodAttached } from '../events/emit';
import { passesLuhn } from '../providers/card-checks';
import { presentPaymentMethod } from '../store/present';
import { paymentMethods, type PaymentMethodRow } from '../store/tables';

/** Every problem of the card at once; an expired card names `card.expYear` / `card.expMonth`. */
function checkCard(req: billingV1.AttachPaymentMethodRequest, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (req.type !== 'card') errors.push({ path: 'type', message: 'must be "card"' });
  const card = req.card;
  if (!card) return [...errors, { path: 'card', message: 'is required' }];
  if (!passesLuhn(card.number)) errors.push({ path: 'card.number', message: 'is not a valid card number' });
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12) errors.push({ path: 'card.expMonth', message: 'must be 1 to 12' });
  if (!Number.isInteger(card.expYear) || card.expYear < 2000 || card.expYear > 2200) errors.push({ path: 'card.expYear', message: 'must be a four-digit year' });
  if (!/^\d{3,4}$/.test(card.cvc)) errors.push({ path: 'card.cvc', message: 'must be 3 or 4 digits' });
  if (errors.length === 0) {
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth() + 1;
    if (card.expYear < year) errors.push({ path: 'card.expYear', message: 'the card has expired' });
    else if (card.expYear === year && card.expMonth < month) errors.push({ path: 'card.expMonth', message: 'the card has expired' });
  }
  return errors;
}

/**
 * Sends a card to the environment's provider and keeps its token, brand,
 * last4 and expiry. The number goes no further than the adapter.
 */
export async function attachPaymentMethod(deps: Deps, ctx: CallContext, req: billingV1.AttachPaymentMethodRequest): Promise<billingV1.PaymentMethod> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  const at = await deps.clocks.now(scope);
  const errors = checkCard(req, at);
  if (errors.length > 0) throw invalidArgument(errors);
  const customer = await deps.remote.customer(scope, req.customerId);
  if (customer.erased) throw new DomainError('unprocessable', 'customer_erased', `Customer ${req.customerId} was erased.`);
  const provider = await deps.providers.forEnvironment(scope);
  const id = newId('pm');
  const result = await provider.attachPaymentMethod(req.card!, id);
  if (!result.ok) {
    throw new DomainError('payment_required', result.declineCode, `The card was declined (${result.declineCode}).`, [
      { path: 'card.number', message: result.declineCode },
    ]);
  }
  const row = await deps.db.transaction(async (trx) => {
    // One customer's methods change one at a time: the first one is the default.
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`pm:${scope.environmentId}:${req.customerId}`]);
    const existing = await paymentMethods.in(trx, scope).where({ customer_id: req.customerId, is_default: true }).first('id');
    const makeDefault = !existing || req.makeDefault;
    if (makeDefault && existing) await paymentMethods.in(trx, scope).where({ customer_id: req.customerId }).update({ is_default: false });
    const pm: PaymentMethodRow = {
      id,
      tenant_id: scope.tenantId,
      environment_id: scope.environmentId,
      customer_id: req.customerId,
      type: 'card',
      provider: provider.name,
      token: result.card.token,
      brand: result.card.brand,
      last4: result.card.last4,
      exp_month: result.card.expMonth,
      exp_year: result.card.expYear,
      is_default: makeDefault,
      created_at: at,
    };
    const { tenant_id: _t, environment_id: _e, ...insert } = pm;
    await paymentMethods.insert(trx, scope, insert);
    await emitPaymentMethodAttached(trx, scope, pm);
    return pm;
  });
  deps.logger.info({ paymentMethodId: row.id, customerId: row.customer_id, brand: row.brand }, 'payment method attached');
  return presentPaymentMethod(row);
}
