import { notFound, type CallContext } from '@azotte/common';
import { EVENTS, eventsV1, type tenantV1 } from '@azotte/proto';
import { emit } from '../events/emit';
import { listEnvironments } from '../store/environments';
import { lockTenant, toTenant, updateTenant as saveTenant } from '../store/tenants';
import { ADMINISTRATORS } from './access';
import type { Deps } from './deps';
import { visibleTenant } from './tenant-lookup';
import { updateTenantSchema, validate } from './validation';

/** Changes the name, reporting currency or rates; rates merge unless `replaceFxRates`. */
export async function updateTenant(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.UpdateTenantRequest,
): Promise<tenantV1.Tenant> {
  await visibleTenant(deps, ctx, request.id, ADMINISTRATORS);
  const input = validate(updateTenantSchema, request);

  return deps.db.transaction(async (trx) => {
    const stored = await lockTenant(trx, request.id);
    if (!stored) throw notFound('tenant', request.id);
    const next = {
      ...stored,
      name: input.name ?? stored.name,
      reporting_currency: input.reportingCurrency ?? stored.reporting_currency,
      fx_rates: request.replaceFxRates ? input.fxRates : { ...stored.fx_rates, ...input.fxRates },
    };
    const environments = await listEnvironments(trx, stored.id);
    if (sameProfile(stored, next)) return toTenant(stored, environments);

    next.updated_at = deps.clock.now();
    const { name, reporting_currency, fx_rates, updated_at } = next;
    await saveTenant(trx, stored.id, { name, reporting_currency, fx_rates, updated_at });
    const tenant = toTenant(next, environments);
    await emit(trx, ctx, EVENTS.tenant.tenantUpdated, eventsV1.TenantChanged.toJSON({ tenant }), { tenantId: stored.id });
    return tenant;
  });
}

type Profile = { name: string; reporting_currency: string; fx_rates: Record<string, string> };

const sameProfile = (a: Profile, b: Profile) =>
  a.name === b.name &&
  a.reporting_currency === b.reporting_currency &&
  JSON.stringify(Object.entries(a.fx_rates).sort()) === JSON.stringify(Object.entries(b.fx_rates).sort());
