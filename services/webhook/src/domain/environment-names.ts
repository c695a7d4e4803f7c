import type { Db, PromiseClient } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';

/**
 * Environment names for the public events' `environment: { id, name }`: this
 * service's copy, fed by tenant.environment.created.v1; an environment it has
 * not heard of (one older than the service) is asked of the tenant service
 * once and kept. Environments are never renamed, so the copy never goes stale.
 */
export class EnvironmentNames {
  private readonly cache = new Map<string, string>();

  constructor(private readonly tenants: Pick<PromiseClient<typeof tenantV1.TenantServiceService>, 'listEnvironments'> | undefined) {}

  async remember(db: Db, tenantId: string, environmentId: string, name: string): Promise<void> {
    await db('environments').insert({ tenant_id: tenantId, environment_id: environmentId, name }).onConflict(['tenant_id', 'environment_id']).ignore();
    this.cache.set(`${tenantId}/${environmentId}`, name);
  }

  async nameOf(db: Db, tenantId: string, environmentId: string): Promise<string> {
    const key = `${tenantId}/${environmentId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const row = await db('environments').where({ tenant_id: tenantId, environment_id: environmentId }).first('name');
    if (row) {
      this.cache.set(key, row.name as string);
      return row.name as string;
    }
    if (!this.tenants) throw new Error(`environment ${environmentId} is unknown and no tenant service is configured`);
    const { data } = await this.tenants.listEnvironments(
      {},
      { context: { actor: { type: 'system', id: 'webhook', role: 'system' }, tenantId } },
    );
    for (const env of data) await this.remember(db, tenantId, env.id, env.name);
    const found = data.find((e) => e.id === environmentId);
    if (!found) throw new Error(`environment ${environmentId} is not one of tenant ${tenantId}'s`);
    return found.name;
  }
}
