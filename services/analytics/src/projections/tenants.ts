import type { Knex } from 'knex';
import type { StoredEvent } from '../events/stored-event';

/** The tenant's reporting currency and fx rates; the latest event (ids are time-sortable) wins. */
export async function applyTenant(trx: Knex, event: StoredEvent): Promise<void> {
  const tenant = event.payload.tenant;
  if (!tenant?.id || !tenant.reportingCurrency) return;
  await trx('tenants')
    .insert({
      tenant_id: tenant.id,
      reporting_currency: tenant.reportingCurrency,
      fx_rates: JSON.stringify(tenant.fxRates ?? {}),
      last_event_id: event.id,
    })
    .onConflict('tenant_id')
    .merge()
    .where('tenants.last_event_id', '<', event.id);
}
