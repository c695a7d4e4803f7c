import { notFound, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { BILLING_WRITERS, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { presentPaymentMethod } from '../store/present';
import { paymentMethods, type PaymentMethodRow } from '../store/tables';

/** Makes one of a customer's methods the default; the others stop being it. */
export async function setDefaultPaymentMethod(deps: Deps, ctx: CallContext, req: billingV1.SetDefaultPaymentMethodRequest): Promise<billingV1.PaymentMethod> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  const row = await deps.db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`pm:${scope.environmentId}:${req.customerId}`]);
    const pm = (await paymentMethods.in(trx, scope).where({ id: req.paymentMethodId, customer_id: req.customerId }).first()) as PaymentMethodRow | undefined;
    if (!pm) throw notFound('payment_method', req.paymentMethodId);
    await paymentMethods.in(trx, scope).where({ customer_id: req.customerId }).whereNot({ id: pm.id }).update({ is_default: false });
    await paymentMethods.in(trx, scope).where({ id: pm.id }).update({ is_default: true });
    return { ...pm, is_default: true };
  });
  return presentPaymentMethod(row);
}
