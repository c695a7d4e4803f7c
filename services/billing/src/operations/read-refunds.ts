import { paginate, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { EVERY_ROLE, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { presentRefund } from '../store/present';
import { refundOf } from '../store/queries';
import { payments, refunds, type RefundRow } from '../store/tables';

export async function getRefund(deps: Deps, ctx: CallContext, req: billingV1.GetRefundRequest): Promise<billingV1.Refund> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  return presentRefund(await refundOf(deps.db, scope, req.id));
}

/**
 * Refunds, failed ones included, newest first. A refund carries no customer:
 * `customerId` selects the refunds of that customer's payments.
 */
export async function listRefunds(deps: Deps, ctx: CallContext, req: billingV1.ListRefundsRequest): Promise<billingV1.ListRefundsResponse> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  const q = refunds.in(deps.db, scope);
  if (req.paymentId) q.where({ payment_id: req.paymentId });
  if (req.customerId) q.whereIn('payment_id', payments.in(deps.db, scope).where({ customer_id: req.customerId }).select('id'));
  const page = await paginate<RefundRow, billingV1.Refund>(q, req.page, presentRefund);
  return { data: page.data, nextCursor: page.nextCursor ?? '' };
}
