import { createGrpcClient, type MetricsRegistry, type PromiseClient } from '@azotte/common';
import { tenantV1 } from '@azotte/proto';

export type TenantClient = PromiseClient<typeof tenantV1.TenantServiceService>;

/** The tenant service, asked for the storefronts a bundle is restricted to. */
export const connectTenant = (address: string, deadlineMs: number, registry?: MetricsRegistry): TenantClient =>
  createGrpcClient(tenantV1.TenantServiceService, address, { name: 'tenant', deadlineMs, registry });
