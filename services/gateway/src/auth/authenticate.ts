import { DomainError, ROLES, unauthenticated, type Role } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import type { Request } from 'express';
import type { Clients } from '../clients';
import { createHash } from 'node:crypto';
import type { Principal } from './principal';
import type { PrincipalCache } from './principal-cache';
import { isApiKey, type TokenIssuer } from './tokens';

function bearer(req: Request): string {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw unauthenticated('Send Authorization: Bearer <access token or API key>.');
  return match[1]!;
}

const asRole = (role: string): Role | 'platform_admin' => {
  if (role === 'platform_admin' || (ROLES as readonly string[]).includes(role)) return role as Role | 'platform_admin';
  throw new DomainError('internal', 'bad_principal', `Unknown role ${role}`);
};

function principalOf(p: tenantV1.Principal, credential: Principal['credential']): Principal {
  const role = asRole(p.role);
  const env = p.environment;
  return {
    actor: { type: p.actorType === 'api_key' ? 'api_key' : 'user', id: p.actorId, role },
    role,
    platformAdmin: p.platformAdmin,
    tenantId: p.tenantId || undefined,
    environment: env ? { id: env.id, name: env.name, kind: env.kind === 'sandbox' ? 'sandbox' : 'production' } : undefined,
    credential,
    user: p.user,
    apiKey: p.apiKey,
  };
}

/**
 * Establishes the principal of a request: the bearer credential (an access
 * token or an API key), the X-Environment header, and, for the platform
 * administrator, X-Tenant-Id. The tenant service decides; its answer is
 * reused briefly, evicted at once when the key is revoked or the user changed
 * (see PrincipalCache), so a revoked key is refused from the next request on.
 */
export async function authenticate(req: Request, clients: Clients, tokens: TokenIssuer, cache?: PrincipalCache): Promise<Principal> {
  const credential = bearer(req);
  const environment = req.header('x-environment') ?? '';
  const tenantId = req.header('x-tenant-id') ?? '';
  if (isApiKey(credential)) {
    // Keyed by a hash: the cache never holds a key in clear.
    const key = `k:${createHash('sha256').update(credential).digest('hex')}|${environment}`;
    return cached(cache, key, async () =>
      principalOf(await clients.tenant.authenticate({ apiKey: credential, environment, tenantId }), 'api_key'),
    );
  }
  const userId = await tokens.verify(credential);
  if (!userId) throw unauthenticated('The access token is invalid or has expired.');
  return cached(cache, `u:${userId}|${environment}|${tenantId}`, async () =>
    principalOf(await clients.tenant.authenticate({ userId, environment, tenantId }), 'token'),
  );
}

async function cached(cache: PrincipalCache | undefined, key: string, load: () => Promise<Principal>): Promise<Principal> {
  const hit = cache?.get(key);
  if (hit) return hit;
  const principal = await load();
  cache?.set(key, principal);
  return principal;
}
