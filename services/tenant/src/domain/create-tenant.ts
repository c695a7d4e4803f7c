import { conflict, newId, permissionDenied, type CallContext } from '@azotte/common';
import { EVENTS, eventsV1, tenantV1 } from '@azotte/proto';
import { emit } from '../events/emit';
import { isUniqueViolation } from '../store/db-errors';
import { insertEnvironments, scopeOf, toEnvironment, type EnvironmentRow } from '../store/environments';
import { insertTenant, SLUG_UNIQUE, toTenant, type TenantRow } from '../store/tenants';
import { EMAIL_UNIQUE, insertUser, toUser, type UserRow } from '../store/users';
import { isPlatformAdmin } from './access';
import type { Deps } from './deps';
import { hashPassword } from './passwords';
import { createTenantSchema, validate } from './validation';

/**
 * Creates a tenant with its two environments (`production`, `sandbox`) and its
 * first administrator, and their events, all in one transaction.
 */
export async function createTenant(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.CreateTenantRequest,
): Promise<tenantV1.Tenant> {
  if (!isPlatformAdmin(ctx)) throw permissionDenied('Only the platform administrator creates tenants.');
  const input = validate(createTenantSchema, request);
  // Hashing is slow on purpose; it happens before the transaction so no lock waits on it.
  const passwordHash = await hashPassword(input.admin.password);
  const now = deps.clock.now();

  const tenant: TenantRow = {
    id: newId('ten'),
    name: input.name,
    slug: input.slug,
    reporting_currency: input.reportingCurrency,
    fx_rates: input.fxRates,
    created_at: now,
    updated_at: now,
  };
  const environments: EnvironmentRow[] = (['production', 'sandbox'] as const).map((kind) => ({
    id: newId('env'),
    tenant_id: tenant.id,
    name: kind,
    kind,
    created_at: now,
  }));
  const admin: UserRow = {
    id: newId('usr'),
    tenant_id: tenant.id,
    email: input.admin.email,
    name: input.admin.name,
    role: 'administrator',
    password_hash: passwordHash,
    disabled: false,
    created_at: now,
    updated_at: now,
  };

  try {
    await deps.db.transaction(async (trx) => {
      await insertTenant(trx, tenant);
      // The scoped inserts set tenant_id themselves.
      await insertEnvironments(trx, tenant.id, environments);
      await insertUser(trx, tenant.id, admin);

      const scope = { tenantId: tenant.id };
      const created = toTenant(tenant, environments);
      await emit(trx, ctx, EVENTS.tenant.tenantCreated, eventsV1.TenantChanged.toJSON({ tenant: created }), scope);
      for (const env of environments) {
        const payload = eventsV1.EnvironmentCreated.toJSON({ environment: toEnvironment(env) });
        await emit(trx, ctx, EVENTS.tenant.environmentCreated, payload, { tenantId: tenant.id, environment: envScope(env) });
      }
      await emit(trx, ctx, EVENTS.tenant.userCreated, eventsV1.UserChanged.toJSON({ user: toUser(admin) }), scope);
    });
  } catch (err) {
    if (isUniqueViolation(err, SLUG_UNIQUE)) throw conflict('slug_taken', `The slug "${input.slug}" is taken.`);
    if (isUniqueViolation(err, EMAIL_UNIQUE)) throw conflict('email_taken', 'A user with this email already exists.');
    throw err;
  }
  deps.logger.info({ tenantId: tenant.id, slug: tenant.slug }, 'tenant created');
  return toTenant(tenant, environments);
}

const envScope = (env: EnvironmentRow) => {
  const scope = scopeOf(env);
  return { id: scope.environmentId, kind: scope.environmentKind };
};
