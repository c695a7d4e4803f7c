import { invalidArgument, notFound, permissionDenied, type CallContext, type Scope } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { SHA256_HEX } from '../domain/hosted-secrets';
import { checkoutStatusAt, portalStatusAt, presentCheckoutSession, presentPortalSession } from '../store/present';
import { checkoutSessions, portalSessions, type CheckoutSessionRow, type PortalSessionRow } from '../store/tables';

const scopeOf = (row: { tenant_id: string; environment_id: string; environment_kind: Scope['environmentKind'] }): Scope => ({
  tenantId: row.tenant_id,
  environmentId: row.environment_id,
  environmentKind: row.environment_kind,
});

/**
 * From a hosted page's secret (its SHA-256) to its session and scope, in any
 * tenant: the gateway's one way in for a page, so only a service (actor role
 * `system`) may ask. This is billing's only query across scopes, by design:
 * the secret is the credential that names the scope. A session that expired
 * or completed is answered with that status; an unknown one is not found.
 */
export async function resolveHostedSession(deps: Deps, ctx: CallContext, req: billingV1.ResolveHostedSessionRequest): Promise<billingV1.HostedSession> {
  if (ctx.actor.role !== 'system') throw permissionDenied('Only a service may resolve a hosted session.');
  const sha256 = req.secretSha256.toLowerCase();
  if (!SHA256_HEX.test(sha256)) throw invalidArgument([{ path: 'secretSha256', message: 'must be a hex SHA-256 (64 digits)' }]);

  const checkout = (await deps.db(checkoutSessions.name).where({ secret_sha256: sha256 }).first()) as CheckoutSessionRow | undefined;
  if (checkout) {
    const scope = scopeOf(checkout);
    const at = await deps.clocks.now(scope);
    return {
      kind: 'checkout',
      tenantId: scope.tenantId,
      environmentId: scope.environmentId,
      environmentKind: scope.environmentKind,
      checkout: presentCheckoutSession(checkout, at),
      status: checkoutStatusAt(checkout, at),
    };
  }
  const portal = (await deps.db(portalSessions.name).where({ secret_sha256: sha256 }).first()) as PortalSessionRow | undefined;
  if (portal) {
    return {
      kind: 'portal',
      tenantId: portal.tenant_id,
      environmentId: portal.environment_id,
      environmentKind: portal.environment_kind,
      portal: presentPortalSession(portal),
      status: portalStatusAt(portal, deps.realClock.now()),
    };
  }
  throw notFound('hosted_session');
}
