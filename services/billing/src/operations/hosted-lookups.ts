import { isDomainError, type FieldError, type Scope } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';

/**
 * The storefront a hosted session names, with the problem of naming it:
 * unknown in the scope or archived (as the customer service words them).
 * Asked before the request's shape is judged, so that it is reported with
 * every other problem at once.
 */
export async function storefrontNamed(deps: Deps, scope: Scope, id: string): Promise<{ storefront?: tenantV1.Storefront; problems: FieldError[] }> {
  if (!id) return { problems: [] };
  const storefront = await deps.remote.storefront(scope, id);
  if (!storefront) return { problems: [{ path: 'storefrontId', message: 'is not a storefront of this environment' }] };
  if (storefront.status === 'archived') return { storefront, problems: [{ path: 'storefrontId', message: 'is an archived storefront' }] };
  return { storefront, problems: [] };
}

type NamedCustomer = Awaited<ReturnType<Deps['remote']['customer']>>;

/** The customer a hosted session names, or the problem that the scope has none with this id. */
export async function customerNamed(deps: Deps, scope: Scope, id: string): Promise<{ customer?: NamedCustomer; problems: FieldError[] }> {
  if (!id) return { problems: [] };
  try {
    return { customer: await deps.remote.customer(scope, id), problems: [] };
  } catch (err) {
    if (isDomainError(err) && err.kind === 'not_found') return { problems: [{ path: 'customerId', message: 'is not a customer of this environment' }] };
    throw err;
  }
}
