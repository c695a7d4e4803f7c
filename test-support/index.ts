// Test support that starts services (so it cannot live in the kit, which services import).
// Jest maps `@azotte/test-support` here; tests run on sources, so it is never built.
import type { Logger } from 'pino';
import { loadCatalogConfig, startCatalogService } from '@azotte/catalog';
import { loadCustomerConfig, startCustomerService } from '@azotte/customer';
import { loadTenantConfig, startTenantService } from '@azotte/tenant';

/** The tenant service, with its platform administrator, on the test file's bus and a schema of its own. */
export function startTenant(bus: Record<string, string>, schema: string, admin: { email: string; password: string }, logger?: Logger) {
  return startTenantService(
    loadTenantConfig({ ...bus, TENANT_DB_SCHEMA: schema, TENANT_GRPC_PORT: '0', TENANT_METRICS_PORT: '0', PLATFORM_ADMIN_EMAIL: admin.email, PLATFORM_ADMIN_PASSWORD: admin.password }),
    { logger },
  );
}

/**
 * The services most others ask: tenant (with its platform administrator),
 * catalog and customer, on the test file's bus and schemas, on free ports.
 */
export async function startFoundation(
  bus: Record<string, string>,
  schemas: { tenant: string; catalog: string; customer: string },
  admin: { email: string; password: string },
  logger?: Logger,
) {
  const tenantService = await startTenant(bus, schemas.tenant, admin, logger);
  const tenantAddr = `127.0.0.1:${tenantService.port}`;
  const catalogService = await startCatalogService(
    loadCatalogConfig({ ...bus, CATALOG_DB_SCHEMA: schemas.catalog, CATALOG_GRPC_PORT: '0', CATALOG_METRICS_PORT: '0', TENANT_GRPC_ADDR: tenantAddr }),
    { logger },
  );
  const customerService = await startCustomerService(
    loadCustomerConfig({ ...bus, CUSTOMER_DB_SCHEMA: schemas.customer, CUSTOMER_GRPC_PORT: '0', CUSTOMER_METRICS_PORT: '0', TENANT_GRPC_ADDR: tenantAddr }),
    { logger },
  );
  return { tenantService, catalogService, customerService, tenantAddr };
}
