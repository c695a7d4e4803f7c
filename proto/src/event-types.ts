/**
 * Every routing key on the bus, in one place (STYLE.md habit 5): past tense,
 * namespaced `<service>.<entity>.<verb>`, versioned. A breaking payload change
 * is a new `.v2` beside the old key, never an edit of it. Payloads are the
 * JSON form of the message named in each comment (proto/azotte/events/v1).
 */
export const EVENTS = {
  tenant: {
    tenantCreated: 'tenant.tenant.created.v1', // TenantChanged
    tenantUpdated: 'tenant.tenant.updated.v1', // TenantChanged
    environmentCreated: 'tenant.environment.created.v1', // EnvironmentCreated
    userCreated: 'tenant.user.created.v1', // UserChanged
    userUpdated: 'tenant.user.updated.v1', // UserChanged
    apiKeyCreated: 'tenant.api_key.created.v1', // ApiKeyChanged
    apiKeyRevoked: 'tenant.api_key.revoked.v1', // ApiKeyChanged
    storefrontCreated: 'tenant.storefront.created.v1', // StorefrontChanged
    storefrontUpdated: 'tenant.storefront.updated.v1', // StorefrontChanged
    storefrontArchived: 'tenant.storefront.archived.v1', // StorefrontChanged
    paymentProviderUpdated: 'tenant.payment_provider.updated.v1', // PaymentProviderChanged
  },
  catalog: {
    bundleCreated: 'catalog.bundle.created.v1', // BundleChanged
    bundleUpdated: 'catalog.bundle.updated.v1', // BundleChanged
    bundleArchived: 'catalog.bundle.archived.v1', // BundleChanged
    priceCreated: 'catalog.price.created.v1', // PriceChanged
    priceArchived: 'catalog.price.archived.v1', // PriceChanged
  },
  customer: {
    customerCreated: 'customer.customer.created.v1', // CustomerChanged
    customerUpdated: 'customer.customer.updated.v1', // CustomerChanged
    // Identifiers only, never personal data. The tenant's usage counts customers by created/erased.
    customerErased: 'customer.customer.erased.v1', // CustomerErased
    supportRequestCreated: 'customer.support_request.created.v1', // SupportRequestChanged
    supportRequestUpdated: 'customer.support_request.updated.v1', // SupportRequestChanged
    supportMessageAdded: 'customer.support_request.message_added.v1', // SupportMessageAdded
  },
} as const;
