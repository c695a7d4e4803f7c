import { notFound, type CallContext } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import { findCustomer, toCustomer } from '../store/customers';
import { EVERY_ROLE, scopeFor } from './access';
import type { Deps } from './deps';

/**
 * A customer of the caller's scope, erased ones included (ids stay readable:
 * billing asks whether a customer is erased). Other services may ask too.
 */
export async function getCustomer(
  deps: Deps,
  ctx: CallContext,
  request: customerV1.GetCustomerRequest,
): Promise<customerV1.Customer> {
  const scope = scopeFor(ctx, EVERY_ROLE, { services: true });
  const row = request.id ? await findCustomer(deps.db, scope, request.id) : undefined;
  if (!row) throw notFound('customer', request.id);
  return toCustomer(row);
}
