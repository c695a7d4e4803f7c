import { createGrpcClient, type MetricsRegistry, type PromiseClient } from '@azotte/common';
import { analyticsV1, billingV1, campaignV1, catalogV1, customerV1, tenantV1, webhookV1 } from '@azotte/proto';

/** The gateway's gRPC clients, one per backing service. */
export interface Clients {
  tenant: PromiseClient<typeof tenantV1.TenantServiceService>;
  catalog: PromiseClient<typeof catalogV1.CatalogServiceService>;
  customer: PromiseClient<typeof customerV1.CustomerServiceService>;
  billing: PromiseClient<typeof billingV1.BillingServiceService>;
  campaign: PromiseClient<typeof campaignV1.CampaignServiceService>;
  analytics: PromiseClient<typeof analyticsV1.AnalyticsServiceService>;
  webhook: PromiseClient<typeof webhookV1.WebhookServiceService>;
}

export interface ServiceAddresses {
  tenant: string;
  catalog: string;
  customer: string;
  billing: string;
  campaign: string;
  analytics: string;
  webhook: string;
}

/** `registry`, when given, times every call into its `rpc_client_duration_seconds`. */
export function createClients(addresses: ServiceAddresses, deadlineMs: number, registry?: MetricsRegistry): Clients {
  return {
    tenant: createGrpcClient(tenantV1.TenantServiceService, addresses.tenant, { name: 'tenant', deadlineMs, registry }),
    catalog: createGrpcClient(catalogV1.CatalogServiceService, addresses.catalog, { name: 'catalog', deadlineMs, registry }),
    customer: createGrpcClient(customerV1.CustomerServiceService, addresses.customer, { name: 'customer', deadlineMs, registry }),
    billing: createGrpcClient(billingV1.BillingServiceService, addresses.billing, { name: 'billing', deadlineMs, registry }),
    campaign: createGrpcClient(campaignV1.CampaignServiceService, addresses.campaign, { name: 'campaign', deadlineMs, registry }),
    analytics: createGrpcClient(analyticsV1.AnalyticsServiceService, addresses.analytics, { name: 'analytics', deadlineMs, registry }),
    webhook: createGrpcClient(webhookV1.WebhookServiceService, addresses.webhook, { name: 'webhook', deadlineMs, registry }),
  };
}

export function closeClients(clients: Clients): void {
  for (const client of Object.values(clients)) client.close();
}
