import { paginate, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { EVERY_ROLE, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { presentInvoice } from '../store/present';
import { invoiceOf, paymentIdsOf } from '../store/queries';
import { invoices, type InvoiceRow } from '../store/tables';

export async function getInvoice(deps: Deps, ctx: CallContext, req: billingV1.GetInvoiceRequest): Promise<billingV1.Invoice> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  const row = await invoiceOf(deps.db, scope, req.id);
  return presentInvoice(row, (await paymentIdsOf(deps.db, [row.id])).get(row.id)!);
}

export async function listInvoices(deps: Deps, ctx: CallContext, req: billingV1.ListInvoicesRequest): Promise<billingV1.ListInvoicesResponse> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  const q = invoices.in(deps.db, scope);
  if (req.customerId) q.where({ customer_id: req.customerId });
  if (req.subscriptionId) q.where({ subscription_id: req.subscriptionId });
  const page = await paginate<InvoiceRow, InvoiceRow>(q, req.page, (r) => r);
  const ids = await paymentIdsOf(deps.db, page.data.map((r) => r.id));
  return { data: page.data.map((r) => presentInvoice(r, ids.get(r.id)!)), nextCursor: page.nextCursor ?? '' };
}
