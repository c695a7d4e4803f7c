import { createGrpcClient, isDomainError, type CallContext, type MetricsRegistry, type PromiseClient, type Scope } from '@azotte/common';
import { campaignV1, catalogV1, customerV1, tenantV1 } from '@azotte/proto';
import type { ProviderSetting } from '../providers/registry';

export interface RemoteClients {
  tenant: PromiseClient<typeof tenantV1.TenantServiceService>;
  catalog: PromiseClient<typeof catalogV1.CatalogServiceService>;
  customer: PromiseClient<typeof customerV1.CustomerServiceService>;
  campaign: PromiseClient<typeof campaignV1.CampaignServiceService>;
}

export interface RemoteAddresses {
  tenant: string;
  catalog: string;
  customer: string;
  campaign: string;
}

/** `registry`, when given, times every call into its `rpc_client_duration_seconds`. */
export function connectRemotes(addresses: RemoteAddresses, deadlineMs: number, registry?: MetricsRegistry): RemoteClients {
  return {
    tenant: createGrpcClient(tenantV1.TenantServiceService, addresses.tenant, { name: 'tenant', deadlineMs, registry }),
    catalog: createGrpcClient(catalogV1.CatalogServiceService, addresses.catalog, { name: 'catalog', deadlineMs, registry }),
    customer: createGrpcClient(customerV1.CustomerServiceService, addresses.customer, { name: 'customer', deadlineMs, registry }),
    campaign: createGrpcClient(campaignV1.CampaignServiceService, addresses.campaign, { name: 'campaign', deadlineMs, registry }),
  };
}

/**
 * Billing asks other services as itself (actor role `system`) in the scope of
 * the work: the reads it needs, such as the enabled payment providers, are not
 * the caller's to make, and the scheduler has no caller at all.
 */
export const asBilling = (scope: Scope): { context: CallContext } => ({
  context: { actor: { type: 'system', id: 'billing', role: 'system' }, tenantId: scope.tenantId, scope },
});

export interface StorefrontTax {
  behavior: 'inclusive' | 'exclusive';
  ratePercent?: string;
}

/** The other services as billing uses them. */
export interface Remote {
  customer(scope: Scope, id: string): Promise<{ id: string; storefrontId?: string; country?: string; erased: boolean }>;
  /**
   * The id of the scope's customer (never an erased one) with this email, if
   * any. Asked, like `createCustomer`, in the context given: billing writes
   * customers on its caller's behalf, as that caller, never as itself.
   */
  findCustomerByEmail(as: CallContext, email: string): Promise<string | undefined>;
  /** Creates a customer and answers its id; ABORTED `email_taken` comes back as a conflict. */
  createCustomer(as: CallContext, request: customerV1.CreateCustomerRequest): Promise<string>;
  /** The storefront, or undefined when the scope has none with this id. */
  storefront(scope: Scope, id: string): Promise<tenantV1.Storefront | undefined>;
  quote(scope: Scope, request: catalogV1.QuoteAmountRequest): Promise<catalogV1.Quote>;
  entitlements(scope: Scope, bundleIds: string[]): Promise<catalogV1.ResolvedEntitlement[]>;
  storefrontTax(scope: Scope, storefrontId: string): Promise<StorefrontTax | undefined>;
  providerSettings(scope: Scope): Promise<ProviderSetting[]>;
  evaluate(scope: Scope, request: campaignV1.EvaluateRequest): Promise<campaignV1.EvaluateResponse>;
  redeem(scope: Scope, request: campaignV1.RedeemRequest): Promise<campaignV1.Redemption>;
  release(scope: Scope, idempotencyKey: string): Promise<void>;
}

export function remoteOf(clients: RemoteClients): Remote {
  return {
    async customer(scope, id) {
      const c = await clients.customer.getCustomer({ id }, asBilling(scope));
      return { id: c.id, storefrontId: c.storefrontId, country: c.country, erased: c.erased };
    },
    async findCustomerByEmail(as, email) {
      const res = await clients.customer.listCustomers({ email, query: '', page: { limit: 1, cursor: '' } }, { context: as });
      return res.data[0]?.id;
    },
    async createCustomer(as, request) {
      return (await clients.customer.createCustomer(request, { context: as })).id;
    },
    async storefront(scope, id) {
      try {
        return await clients.tenant.getStorefront({ id }, asBilling(scope));
      } catch (err) {
        if (isDomainError(err) && err.kind === 'not_found') return undefined;
        throw err;
      }
    },
    quote: (scope, request) => clients.catalog.quoteAmount(request, asBilling(scope)),
    async entitlements(scope, bundleIds) {
      return (await clients.catalog.resolveEntitlements({ bundleIds }, asBilling(scope))).data;
    },
    async storefrontTax(scope, storefrontId) {
      try {
        const sf = await clients.tenant.getStorefront({ id: storefrontId }, asBilling(scope));
        const regional = sf.regional;
        if (!regional || !regional.taxRatePercent) return undefined;
        return { behavior: regional.taxBehavior === 'inclusive' ? 'inclusive' : 'exclusive', ratePercent: regional.taxRatePercent };
      } catch (err) {
        if (isDomainError(err) && err.kind === 'not_found') return undefined;
        throw err;
      }
    },
    async providerSettings(scope) {
      const res = await clients.tenant.listPaymentProviders({}, asBilling(scope));
      return res.data.map((p) => ({ provider: p.provider, enabled: p.enabled }));
    },
    evaluate: (scope, request) => clients.campaign.evaluate(request, asBilling(scope)),
    redeem: (scope, request) => clients.campaign.redeem(request, asBilling(scope)),
    async release(scope, idempotencyKey) {
      await clients.campaign.releaseRedemption({ idempotencyKey }, asBilling(scope));
    },
  };
}
