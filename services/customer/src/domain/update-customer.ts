import { notFound, type CallContext } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import { customerUpdated } from '../events/emit';
import {
  CUSTOMER_EMAIL_UNIQUE,
  fieldsOf,
  findCustomer,
  lockCustomer,
  toCustomer,
  updateCustomer as saveCustomer,
} from '../store/customers';
import { isUniqueViolation } from '../store/db-errors';
import { replaceSearchTerms } from '../store/search-terms';
import { CUSTOMER_WRITERS, scopeFor } from './access';
import { changedFields, given, mergeCustomer } from './customer-fields';
import type { Deps } from './deps';
import { customerIsErased, emailTaken } from './errors';
import { searchTermsOf } from './search';
import { storefrontProblems } from './storefronts';
import { customerSchema, validate } from './validation';

/**
 * Changes a customer: the merged result is validated whole, as on creation.
 * An erased customer cannot be changed (`customer_erased`, 409).
 */
export async function updateCustomer(
  deps: Deps,
  ctx: CallContext,
  request: customerV1.UpdateCustomerRequest,
): Promise<customerV1.Customer> {
  const scope = scopeFor(ctx, CUSTOMER_WRITERS);
  const current = request.id ? await findCustomer(deps.db, scope, request.id) : undefined;
  if (!current) throw notFound('customer', request.id);
  if (current.erased_at) throw customerIsErased();
  // The tenant service is asked outside the transaction, so no row stays locked across a network call.
  const storefrontId = given(request.storefrontId);
  const storefront =
    storefrontId !== undefined && storefrontId !== current.storefront_id
      ? await storefrontProblems(deps.storefronts, storefrontId)
      : [];

  try {
    return await deps.db.transaction(async (trx) => {
      const stored = await lockCustomer(trx, scope, current.id, 'update');
      if (!stored) throw notFound('customer', request.id);
      if (stored.erased_at) throw customerIsErased();
      const before = fieldsOf(stored);
      const fields = validate(customerSchema, mergeCustomer(before, request), storefront);
      const changed = changedFields(before, fields);
      if (changed.length === 0) return toCustomer(stored);

      const at = deps.clock.now();
      await saveCustomer(trx, scope, stored.id, fields, at);
      if (changed.includes('email') || changed.includes('name')) {
        await replaceSearchTerms(trx, scope, stored.id, searchTermsOf(fields));
      }
      const customer = toCustomer({
        ...stored,
        email: fields.email,
        name: fields.name ?? null,
        country: fields.country ?? null,
        locale: fields.locale ?? null,
        storefront_id: fields.storefrontId ?? null,
        metadata: fields.metadata,
        updated_at: at,
      });
      await customerUpdated(trx, scope, customer, changed);
      return customer;
    });
  } catch (err) {
    if (isUniqueViolation(err, CUSTOMER_EMAIL_UNIQUE)) throw emailTaken();
    throw err;
  }
}
