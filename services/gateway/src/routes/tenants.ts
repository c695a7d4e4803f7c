import { isDecimalString } from '@azotte/common';
import { z } from 'zod';
import type { Api } from '../http/api';
import { Currency, Email, IdParams, PageQuery, pageOf, listResponse } from '../http/schemas';
import { presentTenant } from './presenters';
import { TenantList, TenantSchema } from './schemas';

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lower-case letters, digits or dashes');
const FxRates = z
  .record(Currency, z.string().refine((v) => isDecimalString(v) && Number(v) > 0, 'must be a positive decimal string such as "0.92"'))
  .openapi({ example: { USD: '0.92' } });

const CreateTenantBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    slug: Slug,
    reportingCurrency: Currency,
    fxRates: FxRates.optional(),
    admin: z.object({ email: Email, password: z.string().min(10).max(1024), name: z.string().trim().max(200).optional() }),
  })
  .openapi('CreateTenantRequest');

const UpdateTenantBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), reportingCurrency: Currency.optional(), fxRates: FxRates.optional() })
  .openapi('UpdateTenantRequest');

export function tenantRoutes(api: Api): void {
  api.add({
    method: 'post',
    path: '/tenants',
    summary: 'Create a tenant with its production and sandbox environments and first administrator',
    tag: 'Tenancy',
    auth: 'platform',
    body: CreateTenantBody,
    response: TenantSchema,
    async handler({ body }) {
      const tenant = await api.clients.tenant.createTenant({
        name: body.name,
        slug: body.slug,
        reportingCurrency: body.reportingCurrency,
        fxRates: body.fxRates ?? {},
        admin: { email: body.admin.email, password: body.admin.password, name: body.admin.name ?? '' },
      });
      return presentTenant(tenant);
    },
  });

  api.add({
    method: 'get',
    path: '/tenants',
    summary: 'List tenants: all of them for the platform administrator, else your own',
    tag: 'Tenancy',
    auth: { area: 'tenantProfile', access: 'read', platform: true },
    query: PageQuery,
    response: TenantList,
    async handler({ query }) {
      return listResponse(await api.clients.tenant.listTenants({ page: pageOf(query) }), presentTenant);
    },
  });

  api.add({
    method: 'get',
    path: '/tenants/{id}',
    summary: 'Get a tenant',
    tag: 'Tenancy',
    auth: { area: 'tenantProfile', access: 'read', platform: true },
    params: IdParams,
    response: TenantSchema,
    errors: [404],
    async handler({ params }) {
      return presentTenant(await api.clients.tenant.getTenant({ id: params.id }));
    },
  });

  api.add({
    method: 'patch',
    path: '/tenants/{id}',
    summary: "Change a tenant's name, reporting currency or exchange rates",
    tag: 'Tenancy',
    auth: { area: 'tenantProfile', access: 'write', platform: true },
    params: IdParams,
    body: UpdateTenantBody,
    response: TenantSchema,
    errors: [404],
    async handler({ params, body }) {
      return presentTenant(
        await api.clients.tenant.updateTenant({
          id: params.id,
          name: body.name,
          reportingCurrency: body.reportingCurrency,
          fxRates: body.fxRates ?? {},
          replaceFxRates: body.fxRates !== undefined,
        }),
      );
    },
  });
}
