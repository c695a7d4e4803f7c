import { DomainError, isDomainError, unauthenticated, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal';
import type { Clients } from '../clients';

export type HostedKind = 'checkout' | 'portal';

/** A hosted page's session, as billing resolved it from the page's secret. */
export interface HostedSession {
  kind: HostedKind;
  status: 'open' | 'complete' | 'expired';
  checkout?: billingV1.CheckoutSession;
  portal?: billingV1.PortalSession;
}

/** The header a hosted page sends its secret in (never a query parameter: URLs end up in logs). */
export const HOSTED_SESSION_HEADER = 'x-hosted-session';

const SECRET_SHAPE = /^hs_[A-Za-z0-9_-]{43}$/;

/** Billing's lookup runs as the gateway itself: the secret is the credential, not a tenant user's token. */
const asGateway: { context: CallContext } = { context: { actor: { type: 'system', id: 'gateway', role: 'system' } } };

/**
 * Establishes the principal of a hosted page's call from its session secret
 * alone. The principal acts in the session's tenant and environment as
 * `hosted_session:<cs_…|cps_…>` with the operator role the services ask of a
 * writer; what it may touch beyond that (one customer, the session's prices)
 * the hosted routes check, since no role of the table says it.
 */
export async function authenticateHosted(req: Request, kind: HostedKind, clients: Clients): Promise<Principal> {
  const secret = req.header(HOSTED_SESSION_HEADER) ?? '';
  if (!SECRET_SHAPE.test(secret)) throw unauthenticated('Send the page\'s session secret in X-Hosted-Session.');
  let found: billingV1.HostedSession;
  try {
    found = await clients.billing.resolveHostedSession({ secretSha256: createHash('sha256').update(secret).digest('hex') }, asGateway);
  } catch (err) {
    if (isDomainError(err) && err.kind === 'not_found') throw unauthenticated('This link is not valid.');
    throw err;
  }
  const sessionId = found.checkout?.id ?? found.portal?.id;
  if (found.kind !== kind || !sessionId) throw unauthenticated('This link is not valid.');
  const environmentKind = found.environmentKind === 'sandbox' ? 'sandbox' : 'production';
  return {
    actor: { type: 'hosted_session', id: sessionId, role: 'operator' },
    role: 'operator',
    platformAdmin: false,
    tenantId: found.tenantId,
    environment: { id: found.environmentId, name: environmentKind, kind: environmentKind },
    environments: [],
    credential: 'hosted',
    hosted: { kind, status: found.status as HostedSession['status'], checkout: found.checkout, portal: found.portal },
  };
}

/** The session of a hosted call that changes something: it must still be open. */
export function openSession(principal: Principal): HostedSession {
  const hosted = principal.hosted;
  if (!hosted) throw new DomainError('internal', 'not_hosted', 'A hosted route ran without a hosted session.');
  if (hosted.status === 'expired') throw new DomainError('conflict', 'session_expired', 'This session has expired.');
  if (hosted.status === 'complete') throw new DomainError('conflict', 'session_complete', 'This checkout is already complete.');
  return hosted;
}
