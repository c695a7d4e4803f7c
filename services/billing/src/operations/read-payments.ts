import { paginate, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { EVERY_ROLE, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { presentPayment } from '../store/present';
import { paymentOf } from '../store/queries';
import { payments, type PaymentRow } from '../store/tables';

export async function getPayment(deps: Deps, ctx: CallContext, req: billingV1.GetPaymentRequest): Promise<billingV1.Payment> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  return presentPayment(await paymentOf(deps.db, scope, req.id));
}

export async function listPayments(deps: Deps, ctx: CallContext, req: billingV1.ListPaymentsRequest): Promise<billingV1.ListPaymentsResponse> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  const q = payments.in(deps.db, scope);
  if (req.customerId) q.where({ customer_id: req.customerId });
  if (req.status) q.where({ status: req.status });
  const page = await paginate<PaymentRow, billingV1.Payment>(q, req.page, presentPayment);
  return { data: page.data, nextCursor: page.nextCursor ?? '' };
}
