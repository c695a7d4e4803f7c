import { createGrpcClient, type PromiseClient } from '@azotte/common';
import { tenantV1 } from '@azotte/proto';

/** The gateway's gRPC clients, one per backing service. */
export interface Clients {
  tenant: PromiseClient<typeof tenantV1.TenantServiceService>;
}

export interface ServiceAddresses {
  tenant: string;
}

export function createClients(addresses: ServiceAddresses, deadlineMs: number): Clients {
  return {
    tenant: createGrpcClient(tenantV1.TenantServiceService, addresses.tenant, { name: 'tenant', deadlineMs }),
  };
}

export function closeClients(clients: Clients): void {
  for (const client of Object.values(clients)) client.close();
}
