import { z } from 'zod';
import type { Api } from '../http/api';
import { Email, IdParams, listResponse, PageQuery, pageOf, RoleSchema } from '../http/schemas';
import { auditLogRoutes } from './audit-log';
import { presentApiKey, presentEnvironment, presentPaymentProvider, presentUser } from './presenters';
import { ApiKeyList, ApiKeySchema, EnvironmentSchema, PaymentProviderSchema, UserList, UserSchema } from './schemas';

/** Environments, users, API keys, payment providers and the audit log: the Administrator's row of the role table. */
const admin = (access: 'read' | 'write') => ({ area: 'administration' as const, access });

const CreateEnvironmentBody = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 lower-case letters, digits or dashes'),
    kind: z.enum(['production', 'sandbox']),
  })
  .openapi('CreateEnvironmentRequest');

const CreateUserBody = z
  .object({
    email: Email,
    password: z.string().min(10, 'must be at least 10 characters').max(1024),
    name: z.string().trim().max(200).optional(),
    role: RoleSchema,
  })
  .openapi('CreateUserRequest');

const UpdateUserBody = z
  .object({ role: RoleSchema.optional(), disabled: z.boolean().optional() })
  .openapi('UpdateUserRequest');

const CreateApiKeyBody = z
  .object({ name: z.string().trim().min(1).max(100), role: RoleSchema, environment: z.string().min(1).max(64) })
  .openapi('CreateApiKeyRequest');

const CreatedApiKey = z
  .object({ id: z.string(), key: z.string().openapi({ description: 'Shown only in this response; only its hash is stored.' }) })
  .extend(ApiKeySchema.shape)
  .openapi('CreatedApiKey');

const ProviderParams = z.object({ provider: z.string().min(1).max(40) });
const PutProviderBody = z
  .object({
    enabled: z.boolean(),
    credentials: z
      .record(z.string(), z.string().max(4096))
      .optional()
      .openapi({ description: 'Write-only; encrypted at rest and never returned.' }),
  })
  .openapi('PutPaymentProviderRequest');

export function administrationRoutes(api: Api): void {
  const tenant = api.clients.tenant;

  api.add({
    method: 'get',
    path: '/environments',
    summary: "List the tenant's environments",
    tag: 'Tenancy',
    auth: admin('read'),
    response: z.object({ data: z.array(EnvironmentSchema) }),
    async handler() {
      return { data: (await tenant.listEnvironments({})).data.map(presentEnvironment) };
    },
  });

  api.add({
    method: 'post',
    path: '/environments',
    summary: 'Create another environment',
    tag: 'Tenancy',
    auth: admin('write'),
    body: CreateEnvironmentBody,
    response: EnvironmentSchema,
    async handler({ body }) {
      const environment = await tenant.createEnvironment(body);
      // Every cached principal lists its tenant's environments: the new one must show at once.
      api.principals.clear();
      return presentEnvironment(environment);
    },
  });

  api.add({
    method: 'get',
    path: '/users',
    summary: "List the tenant's users",
    tag: 'Users',
    auth: admin('read'),
    query: PageQuery,
    response: UserList,
    async handler({ query }) {
      return listResponse(await tenant.listUsers({ page: pageOf(query) }), presentUser);
    },
  });

  api.add({
    method: 'post',
    path: '/users',
    summary: 'Invite a user with a role',
    tag: 'Users',
    auth: admin('write'),
    body: CreateUserBody,
    response: UserSchema,
    async handler({ body }) {
      return presentUser(await tenant.createUser({ ...body, name: body.name ?? '' }));
    },
  });

  api.add({
    method: 'patch',
    path: '/users/{id}',
    summary: "Change a user's role, or disable or enable the user",
    tag: 'Users',
    auth: admin('write'),
    params: IdParams,
    body: UpdateUserBody,
    response: UserSchema,
    errors: [404, 422],
    async handler({ params, body }) {
      const user = await tenant.updateUser({ id: params.id, role: body.role, disabled: body.disabled });
      api.principals.evictActor(user.id);
      return presentUser(user);
    },
  });

  api.add({
    method: 'post',
    path: '/api-keys',
    summary: 'Create an API key bound to one environment and one role',
    tag: 'API keys',
    auth: admin('write'),
    body: CreateApiKeyBody,
    response: CreatedApiKey,
    async handler({ body }) {
      const created = await tenant.createApiKey(body);
      return { ...presentApiKey(created.apiKey!), key: created.key };
    },
  });

  api.add({
    method: 'get',
    path: '/api-keys',
    summary: 'List API keys (never the keys themselves)',
    tag: 'API keys',
    auth: admin('read'),
    query: PageQuery,
    response: ApiKeyList,
    async handler({ query }) {
      return listResponse(await tenant.listApiKeys({ page: pageOf(query) }), presentApiKey);
    },
  });

  api.add({
    method: 'delete',
    path: '/api-keys/{id}',
    summary: 'Revoke an API key; it is refused from the next request on',
    tag: 'API keys',
    auth: admin('write'),
    params: IdParams,
    response: ApiKeySchema,
    errors: [404],
    async handler({ params }) {
      const key = await tenant.revokeApiKey({ id: params.id });
      api.principals.evictActor(key.id);
      return presentApiKey(key);
    },
  });

  api.add({
    method: 'get',
    path: '/payment-providers',
    summary: "The payment providers of the request's environment",
    tag: 'Payment providers',
    auth: admin('read'),
    response: z.object({ data: z.array(PaymentProviderSchema) }),
    async handler() {
      return { data: (await tenant.listPaymentProviders({})).data.map(presentPaymentProvider) };
    },
  });

  api.add({
    method: 'put',
    path: '/payment-providers/{provider}',
    summary: 'Enable or disable a provider and set its credentials',
    tag: 'Payment providers',
    auth: admin('write'),
    params: ProviderParams,
    body: PutProviderBody,
    response: PaymentProviderSchema,
    errors: [404, 422],
    async handler({ params, body }) {
      return presentPaymentProvider(
        await tenant.putPaymentProvider({ provider: params.provider, enabled: body.enabled, credentials: body.credentials }),
      );
    },
  });

  auditLogRoutes(api);

  api.add({
    method: 'get',
    path: '/usage',
    summary: "The tenant's usage for a month: API calls, events, active subscriptions, customers",
    tag: 'Tenancy',
    auth: { area: 'tenantProfile', access: 'read' },
    query: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM').optional() }),
    response: z
      .object({
        month: z.string(),
        apiCalls: z.number().int(),
        events: z.number().int(),
        activeSubscriptions: z.number().int(),
        customers: z.number().int(),
      })
      .openapi('Usage'),
    async handler({ query }) {
      const u = await tenant.getUsage({ month: query.month ?? '' });
      return { month: u.month, apiCalls: u.apiCalls, events: u.events, activeSubscriptions: u.activeSubscriptions, customers: u.customers };
    },
  });
}
