import { invalidArgument, notFound, unauthenticated, type CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { findApiKeyByHash, toApiKey, touchApiKey } from '../store/api-keys';
import { findEnvironmentById, listEnvironments, toEnvironment, type EnvironmentRow } from '../store/environments';
import { findTenant } from '../store/tenants';
import { findUserById, toUser, type UserRow } from '../store/users';
import { API_KEY_SHAPE, hashApiKey } from './api-key-secret';
import type { Deps } from './deps';

/**
 * Turns a credential the gateway has (the subject of a verified access token,
 * or a raw API key) into a principal: who acts, in which tenant and
 * environment, with which role.
 */
export async function authenticate(
  deps: Deps,
  _ctx: CallContext,
  request: tenantV1.AuthenticateRequest,
): Promise<tenantV1.Principal> {
  if (request.apiKey !== undefined) return byApiKey(deps, request.apiKey, request.environment.trim());
  if (request.userId !== undefined) return byUser(deps, request);
  throw unauthenticated('No credential was presented.');
}

async function byUser(deps: Deps, request: tenantV1.AuthenticateRequest): Promise<tenantV1.Principal> {
  const user = request.userId ? await findUserById(deps.db, request.userId) : undefined;
  // A token outlives a user's disabling: every request checks again.
  if (!user || user.disabled) throw unauthenticated('This account does not exist or is disabled.');
  const asUser = { actorType: 'user', actorId: user.id, user: toUser(user) };

  if (user.role === 'platform_admin' && !request.tenantId) {
    return { ...asUser, role: 'platform_admin', platformAdmin: true, tenantId: '', environments: [], tenantName: '' };
  }
  // X-Tenant-Id is the platform administrator's; for anyone else only their own tenant is found.
  const tenantId = user.role === 'platform_admin' ? request.tenantId : tenantOf(user);
  if (request.tenantId && request.tenantId !== tenantId) throw notFound('tenant', request.tenantId);
  const [tenant, all] = await Promise.all([findTenant(deps.db, tenantId), listEnvironments(deps.db, tenantId)]);
  if (!tenant) throw notFound('tenant', tenantId);
  const environment = selectEnvironment(all, request.environment);
  return {
    ...asUser,
    role: user.role === 'platform_admin' ? 'administrator' : user.role,
    platformAdmin: user.role === 'platform_admin',
    tenantId,
    tenantName: tenant.name,
    environment: toEnvironment(environment),
    environments: all.map(toEnvironment),
  };
}

async function byApiKey(deps: Deps, key: string, requestedEnvironment: string): Promise<tenantV1.Principal> {
  // The shape check spares a lookup for anything that cannot be a key.
  const row = API_KEY_SHAPE.test(key) ? await findApiKeyByHash(deps.db, hashApiKey(key)) : undefined;
  if (!row || row.revoked_at) throw unauthenticated('Invalid API key.');
  const environment = await findEnvironmentById(deps.db, row.tenant_id, row.environment_id);
  if (!environment) throw unauthenticated('Invalid API key.');
  if (requestedEnvironment && requestedEnvironment !== environment.id && requestedEnvironment !== environment.name) {
    throw invalidArgument(
      [{ path: 'X-Environment', message: `this API key is bound to environment ${environment.name}` }],
      'The X-Environment header names another environment than the API key.',
    );
  }
  await touchApiKey(deps.db, row.id, deps.clock.now());
  return {
    actorType: 'api_key',
    actorId: row.id,
    role: row.role,
    platformAdmin: false,
    tenantId: row.tenant_id,
    environment: toEnvironment(environment),
    apiKey: toApiKey(row, environment),
    environments: [],
    tenantName: '',
  };
}

/** The environment named by X-Environment (a name or an id); none named means production. */
function selectEnvironment(all: EnvironmentRow[], requested: string): EnvironmentRow {
  const nameOrId = requested.trim() || 'production';
  const environment = all.find((e) => e.id === nameOrId || e.name === nameOrId);
  if (!environment) throw notFound('environment', nameOrId);
  return environment;
}

function tenantOf(user: UserRow): string {
  if (!user.tenant_id) throw new Error(`user ${user.id} has no tenant but is not the platform administrator`);
  return user.tenant_id;
}
