import { createGrpcClient, type PromiseClient } from '@azotte/common';
import { catalogV1, customerV1, tenantV1 } from '@azotte/proto';

/** The gateway's gRPC clients, one per backing service. */
export interface Clients {
  tenant: PromiseClient<typeof tenantV1.TenantServiceService>;
  catalog: PromiseClient<typeof catalogV1.CatalogServiceService>;
  customer: PromiseClient<typeof customerV1.CustomerServiceService>;
}

export interface ServiceAddresses {
  tenant: string;
  catalog: string;
  customer: string;
}

export function createClients(addresses: ServiceAddresses, deadlineMs: number): Clients {
  return {
    tenant: createGrpcClient(tenantV1.TenantServiceService, addresses.tenant, { name: 'tenant', deadlineMs }),
    catalog: createGrpcClient(catalogV1.CatalogServiceService, addresses.catalog, { name: 'catalog', deadlineMs }),
    customer: createGrpcClient(customerV1.CustomerServiceService, addresses.customer, { name: 'customer', deadlineMs }),
  };
}

export function closeClients(clients: Clients): void {
  for (const client of Object.values(clients)) client.close();
}
