import type { CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { EVERY_ROLE, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { presentPaymentMethod } from '../store/present';
import { paymentMethods, type PaymentMethodRow } from '../store/tables';

/** A customer's payment methods, newest first (an unknown customer is a 404 from the customer service). */
export async function listPaymentMethods(deps: Deps, ctx: CallContext, req: billingV1.ListPaymentMethodsRequest): Promise<billingV1.ListPaymentMethodsResponse> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  await deps.remote.customer(scope, req.customerId);
  const rows = (await paymentMethods.in(deps.db, scope).where({ customer_id: req.customerId }).orderBy('id', 'desc')) as PaymentMethodRow[];
  return { data: rows.map(presentPaymentMethod) };
}
