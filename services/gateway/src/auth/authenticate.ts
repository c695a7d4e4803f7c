import { DomainError, ROLES, unauthenticated, type Role } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import type { Clients } from '../clients';
import type { RevokedTokenStore } from '../store/revoked-tokens';
import { checkSameOrigin } from './csrf';
import type { Principal } from './principal';
import type { PrincipalCache } from './principal-cache';
import { sessionTokenOf } from './session-cookie';
import { isApiKey, type TokenIssuer, type VerifiedToken } from './tokens';

export interface AuthenticationDeps {
  clients: Clients;
  tokens: TokenIssuer;
  revoked: RevokedTokenStore;
  cache?: PrincipalCache;
  /** Origins besides the gateway's own whose cookie-signed writes are accepted. */
  trustedOrigins: readonly string[];
}

type Credential = { kind: 'bearer'; value: string } | { kind: 'session'; value: string };

/** A Bearer header wins; without one, the portal's session cookie. */
function credentialOf(req: Request): Credential {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthenticated('Send Authorization: Bearer <access token or API key>.');
    return { kind: 'bearer', value: match[1]! };
  }
  const session = sessionTokenOf(req);
  if (session) return { kind: 'session', value: session };
  throw unauthenticated('Send Authorization: Bearer <access token or API key>, or sign in.');
}

const asRole = (role: string): Role | 'platform_admin' => {
  if (role === 'platform_admin' || (ROLES as readonly string[]).includes(role)) return role as Role | 'platform_admin';
  throw new DomainError('internal', 'bad_principal', `Unknown role ${role}`);
};

const asEnvironment = (env: tenantV1.Environment) => ({ id: env.id, name: env.name, kind: env.kind === 'sandbox' ? ('sandbox' as const) : ('production' as const) });

function principalOf(p: tenantV1.Principal, credential: Principal['credential']): Principal {
  const role = asRole(p.role);
  return {
    actor: { type: p.actorType === 'api_key' ? 'api_key' : 'user', id: p.actorId, role },
    role,
    platformAdmin: p.platformAdmin,
    tenantId: p.tenantId || undefined,
    tenantName: p.tenantName || undefined,
    environment: p.environment ? asEnvironment(p.environment) : undefined,
    environments: p.environments.map(asEnvironment),
    credential,
    user: p.user,
    apiKey: p.apiKey,
  };
}

/**
 * Establishes the principal of a request: the credential (a Bearer access
 * token or API key, or the portal's session cookie), the X-Environment
 * header, and, for the platform administrator, X-Tenant-Id. The tenant
 * service decides; its answer is reused briefly, evicted at once when the key
 * is revoked or the user changed (see PrincipalCache), so a revoked key is
 * refused from the next request on. A token or session that was signed out is
 * refused by every replica (RevokedTokenStore).
 */
export async function authenticate(req: Request, deps: AuthenticationDeps): Promise<Principal> {
  const credential = credentialOf(req);
  const environment = req.header('x-environment') ?? '';
  const tenantId = req.header('x-tenant-id') ?? '';
  if (credential.kind === 'bearer' && isApiKey(credential.value)) {
    // Keyed by a hash: the cache never holds a key in clear.
    const key = `k:${createHash('sha256').update(credential.value).digest('hex')}|${environment}`;
    return cached(deps.cache, key, async () =>
      principalOf(await deps.clients.tenant.authenticate({ apiKey: credential.value, environment, tenantId }), 'api_key'),
    );
  }
  const token = await verifiedToken(credential, deps);
  if (credential.kind === 'session') checkSameOrigin(req, deps.trustedOrigins);
  const kind = credential.kind === 'session' ? 'session' : 'token';
  const principal = await cached(deps.cache, `u:${token.userId}|${environment}|${tenantId}`, async () =>
    principalOf(await deps.clients.tenant.authenticate({ userId: token.userId, environment, tenantId }), kind),
  );
  return { ...principal, credential: kind, token };
}

async function verifiedToken(credential: Credential, deps: AuthenticationDeps): Promise<VerifiedToken> {
  const token = await deps.tokens.verify(credential.value);
  const what = credential.kind === 'session' ? 'session' : 'access token';
  if (!token) throw unauthenticated(`The ${what} is invalid or has expired.`);
  if (await deps.revoked.isRevoked(token.tokenId)) throw unauthenticated(`The ${what} was signed out.`);
  return token;
}

async function cached(cache: PrincipalCache | undefined, key: string, load: () => Promise<Principal>): Promise<Principal> {
  const hit = cache?.get(key);
  if (hit) return hit;
  const principal = await load();
  cache?.set(key, principal);
  return principal;
}
