import { invalidArgument, newId, unprocessable, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { BILLING_WRITERS, scopeFor } from '../domain/access';
import { urlProblem } from '../domain/checkout-rules';
import type { Deps } from '../domain/deps';
import { newHostedSecret } from '../domain/hosted-secrets';
import { presentPortalSession } from '../store/present';
import { portalSessions, type PortalSessionRow } from '../store/tables';
import { customerNamed, storefrontNamed } from './hosted-lookups';

/**
 * A portal session lives one hour of REAL time, not of the environment's
 * clock: it is a credential, and how long a leaked link works is a security
 * property that a sandbox's test clock must not stretch or cut short.
 */
export const PORTAL_SESSION_TTL_MS = 60 * 60_000;

/**
 * Opens a customer's self-service page for one hour. The customer must exist
 * and not be erased; the storefront (branding, prices offered) defaults to
 * the customer's. The answer carries the page's secret, the only time it is given.
 */
export async function createPortalSession(deps: Deps, ctx: CallContext, req: billingV1.CreatePortalSessionRequest): Promise<billingV1.PortalSession> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  const [named, customer] = await Promise.all([storefrontNamed(deps, scope, req.storefrontId), customerNamed(deps, scope, req.customerId)]);
  const problems = [...(req.customerId ? [] : [{ path: 'customerId', message: 'is required' }]), ...customer.problems, ...named.problems];
  const returnProblem = urlProblem(req.returnUrl);
  if (returnProblem) problems.push({ path: 'returnUrl', message: returnProblem });
  if (problems.length > 0) throw invalidArgument(problems);
  if (customer.customer!.erased) throw unprocessable('customer_erased', `Customer ${req.customerId} was erased.`);

  const now = deps.realClock.now();
  const { secret, sha256 } = newHostedSecret();
  const row: PortalSessionRow = {
    id: newId('cps'),
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    environment_kind: scope.environmentKind,
    secret_sha256: sha256,
    customer_id: req.customerId,
    storefront_id: req.storefrontId || customer.customer!.storefrontId || null,
    return_url: req.returnUrl,
    expires_at: new Date(now.getTime() + PORTAL_SESSION_TTL_MS),
    created_at: now,
  };
  const { tenant_id: _t, environment_id: _e, ...insert } = row;
  await portalSessions.insert(deps.db, scope, insert);
  deps.logger.info({ portalSessionId: row.id, customerId: row.customer_id }, 'portal session created');
  return presentPortalSession(row, secret);
}
