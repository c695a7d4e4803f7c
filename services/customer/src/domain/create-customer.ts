import { claimRequestKey, earlierRequest, newId, RepeatedRequest, type CallContext } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import { customerCreated } from '../events/emit';
import { CUSTOMER_EMAIL_UNIQUE, findCustomer, insertCustomer, toCustomer, type CustomerRow } from '../store/customers';
import { isUniqueViolation } from '../store/db-errors';
import { replaceSearchTerms } from '../store/search-terms';
import { CUSTOMER_WRITERS, scopeFor } from './access';
import { customerFromRequest, given } from './customer-fields';
import type { Deps } from './deps';
import { emailTaken } from './errors';
import { searchTermsOf } from './search';
import { storefrontProblems } from './storefronts';
import { customerSchema, validate } from './validation';

/**
 * Adds a customer; its email must be free among the scope's customers that are
 * not erased. Sent again with its Idempotency-Key (the gateway lost the first
 * answer), it answers the customer the first made instead of email_taken.
 */
export async function createCustomer(
  deps: Deps,
  ctx: CallContext,
  request: customerV1.CreateCustomerRequest,
): Promise<customerV1.Customer> {
  const scope = scopeFor(ctx, CUSTOMER_WRITERS);
  const madeBefore = async (id: string) => toCustomer((await findCustomer(deps.db, scope, id))!);
  const earlier = await earlierRequest(deps.db, scope, request.idempotencyKey, 'create_customer');
  if (earlier) return madeBefore(earlier);
  // Asked before validation completes, so a bad storefront is reported with every other problem.
  const storefront = await storefrontProblems(deps.storefronts, given(request.storefrontId));
  const fields = validate(customerSchema, customerFromRequest(request), storefront);
  const now = deps.clock.now();
  const row: CustomerRow = {
    id: newId('cus'),
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    email: fields.email,
    name: fields.name ?? null,
    country: fields.country ?? null,
    locale: fields.locale ?? null,
    storefront_id: fields.storefrontId ?? null,
    metadata: fields.metadata,
    created_at: now,
    updated_at: now,
    erased_at: null,
  };
  const customer = toCustomer(row);
  try {
    await deps.db.transaction(async (trx) => {
      await claimRequestKey(trx, scope, request.idempotencyKey, 'create_customer', row.id);
      await insertCustomer(trx, scope, { id: row.id, created_at: now, updated_at: now, fields });
      await replaceSearchTerms(trx, scope, row.id, searchTermsOf(fields));
      await customerCreated(trx, scope, customer);
    });
  } catch (err) {
    if (err instanceof RepeatedRequest) return madeBefore(err.resourceId);
    if (isUniqueViolation(err, CUSTOMER_EMAIL_UNIQUE)) throw emailTaken();
    throw err;
  }
  return customer;
}
