import { unary, type Logger } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { archiveStorefront } from '../domain/archive-storefront';
import { authenticate } from '../domain/authenticate';
import { createApiKey } from '../domain/create-api-key';
import { createEnvironment } from '../domain/create-environment';
import { createStorefront } from '../domain/create-storefront';
import { createTenant } from '../domain/create-tenant';
import { createUser } from '../domain/create-user';
import type { Deps } from '../domain/deps';
import { getStorefront } from '../domain/get-storefront';
import { getTenant } from '../domain/get-tenant';
import { getUsage } from '../domain/get-usage';
import { listApiKeys } from '../domain/list-api-keys';
import { listAuditLog } from '../domain/list-audit-log';
import { listEnvironments } from '../domain/list-environments';
import { listPaymentProviders } from '../domain/list-payment-providers';
import { listStorefronts } from '../domain/list-storefronts';
import { listTenants } from '../domain/list-tenants';
import { listUsers } from '../domain/list-users';
import { login } from '../domain/login';
import { putPaymentProvider } from '../domain/put-payment-provider';
import { recordApiCalls } from '../domain/record-api-calls';
import { revokeApiKey } from '../domain/revoke-api-key';
import { updateStorefront } from '../domain/update-storefront';
import { updateTenant } from '../domain/update-tenant';
import { updateUser } from '../domain/update-user';

/** The gRPC transport: each method hands its request and call context to one operation. */
export function tenantHandlers(deps: Deps, logger: Logger): tenantV1.TenantServiceServer {
  return {
    login: unary(logger, (req, ctx) => login(deps, ctx, req)),
    authenticate: unary(logger, (req, ctx) => authenticate(deps, ctx, req)),
    createTenant: unary(logger, (req, ctx) => createTenant(deps, ctx, req)),
    listTenants: unary(logger, (req, ctx) => listTenants(deps, ctx, req)),
    getTenant: unary(logger, (req, ctx) => getTenant(deps, ctx, req)),
    updateTenant: unary(logger, (req, ctx) => updateTenant(deps, ctx, req)),
    listEnvironments: unary(logger, (req, ctx) => listEnvironments(deps, ctx, req)),
    createEnvironment: unary(logger, (req, ctx) => createEnvironment(deps, ctx, req)),
    listUsers: unary(logger, (req, ctx) => listUsers(deps, ctx, req)),
    createUser: unary(logger, (req, ctx) => createUser(deps, ctx, req)),
    updateUser: unary(logger, (req, ctx) => updateUser(deps, ctx, req)),
    createApiKey: unary(logger, (req, ctx) => createApiKey(deps, ctx, req)),
    listApiKeys: unary(logger, (req, ctx) => listApiKeys(deps, ctx, req)),
    revokeApiKey: unary(logger, (req, ctx) => revokeApiKey(deps, ctx, req)),
    listPaymentProviders: unary(logger, (req, ctx) => listPaymentProviders(deps, ctx, req)),
    putPaymentProvider: unary(logger, (req, ctx) => putPaymentProvider(deps, ctx, req)),
    createStorefront: unary(logger, (req, ctx) => createStorefront(deps, ctx, req)),
    listStorefronts: unary(logger, (req, ctx) => listStorefronts(deps, ctx, req)),
    getStorefront: unary(logger, (req, ctx) => getStorefront(deps, ctx, req)),
    updateStorefront: unary(logger, (req, ctx) => updateStorefront(deps, ctx, req)),
    archiveStorefront: unary(logger, (req, ctx) => archiveStorefront(deps, ctx, req)),
    getUsage: unary(logger, (req, ctx) => getUsage(deps, ctx, req)),
    recordApiCalls: unary(logger, (req, ctx) => recordApiCalls(deps, ctx, req)),
    listAuditLog: unary(logger, (req, ctx) => listAuditLog(deps, ctx, req)),
  };
}
