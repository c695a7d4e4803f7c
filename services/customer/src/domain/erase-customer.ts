import { notFound, type CallContext } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import { customerErased } from '../events/emit';
import { eraseCustomer as eraseRow, lockCustomer, toCustomer } from '../store/customers';
import { eraseFromOutbox } from '../store/outbox-erasure';
import { replaceSearchTerms } from '../store/search-terms';
import { eraseSupportThreads } from '../store/support-requests';
import { CUSTOMER_WRITERS, scopeFor } from './access';
import type { Deps } from './deps';

/**
 * Erases a customer's personal data in one transaction: email, name, locale
 * and metadata; every support request's subject and every message's body;
 * its search terms; and the same data in the outbox's copies of its earlier
 * events. Ids, country, storefront, statuses and timestamps stay, so money
 * records elsewhere keep pointing at a valid customer. The email is free
 * again at once. Erasing an erased customer changes nothing and emits nothing.
 */
export async function eraseCustomer(
  deps: Deps,
  ctx: CallContext,
  request: customerV1.EraseCustomerRequest,
): Promise<customerV1.Customer> {
  const scope = scopeFor(ctx, CUSTOMER_WRITERS);
  return deps.db.transaction(async (trx) => {
    const stored = request.id ? await lockCustomer(trx, scope, request.id, 'update') : undefined;
    if (!stored) throw notFound('customer', request.id);
    if (stored.erased_at) return toCustomer(stored);

    const at = deps.clock.now();
    const supportRequestIds = await eraseSupportThreads(trx, scope, stored.id);
    await eraseRow(trx, scope, stored.id, at);
    await replaceSearchTerms(trx, scope, stored.id, []);
    await eraseFromOutbox(trx, stored.id);
    const customer = toCustomer({
      ...stored,
      email: null,
      name: null,
      locale: null,
      metadata: {},
      erased_at: at,
      updated_at: at,
    });
    await customerErased(trx, scope, customer, supportRequestIds);
    deps.logger.info({ customerId: stored.id, supportRequests: supportRequestIds.length }, 'customer erased');
    return customer;
  });
}
