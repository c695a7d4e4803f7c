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
  billing: {
    subscriptionCreated: 'billing.subscription.created.v1', // SubscriptionChanged
    subscriptionActivated: 'billing.subscription.activated.v1', // SubscriptionChanged
    subscriptionRenewed: 'billing.subscription.renewed.v1', // SubscriptionChanged
    subscriptionPriceChanged: 'billing.subscription.price_changed.v1', // SubscriptionChanged
    subscriptionPastDue: 'billing.subscription.past_due.v1', // SubscriptionChanged
    // A cancel at period end set; the status does not change (it ends at current_period_end).
    subscriptionCancelScheduled: 'billing.subscription.cancel_scheduled.v1', // SubscriptionChanged
    // A cancel at period end undone; the status does not change.
    subscriptionResumed: 'billing.subscription.resumed.v1', // SubscriptionChanged
    subscriptionCanceled: 'billing.subscription.canceled.v1', // SubscriptionChanged
    // incomplete → incomplete_expired; the campaign service releases the redemption on it.
    subscriptionExpired: 'billing.subscription.expired.v1', // SubscriptionChanged
    invoiceCreated: 'billing.invoice.created.v1', // InvoiceChanged
    invoicePaid: 'billing.invoice.paid.v1', // InvoiceChanged
    invoiceVoided: 'billing.invoice.voided.v1', // InvoiceChanged
    paymentSucceeded: 'billing.payment.succeeded.v1', // PaymentAttempted
    paymentFailed: 'billing.payment.failed.v1', // PaymentAttempted
    refundCreated: 'billing.refund.created.v1', // RefundCreated
    paymentMethodAttached: 'billing.payment_method.attached.v1', // PaymentMethodAttached
    testClockAdvanced: 'billing.test_clock.advanced.v1', // TestClockAdvanced
    checkoutSessionCreated: 'billing.checkout_session.created.v1', // CheckoutSessionChanged
    checkoutSessionCompleted: 'billing.checkout_session.completed.v1', // CheckoutSessionChanged
    // By ExpireCheckoutSession only: a session that runs out of time has no event.
    checkoutSessionExpired: 'billing.checkout_session.expired.v1', // CheckoutSessionChanged
  },
  campaign: {
    campaignCreated: 'campaign.campaign.created.v1', // CampaignChanged
    campaignUpdated: 'campaign.campaign.updated.v1', // CampaignChanged
    campaignActivated: 'campaign.campaign.activated.v1', // CampaignChanged
    campaignPaused: 'campaign.campaign.paused.v1', // CampaignChanged
    campaignEnded: 'campaign.campaign.ended.v1', // CampaignChanged
    variantAssigned: 'campaign.variant.assigned.v1', // VariantAssigned
    redemptionReserved: 'campaign.redemption.reserved.v1', // RedemptionChanged
    redemptionConfirmed: 'campaign.redemption.confirmed.v1', // RedemptionChanged
    redemptionReleased: 'campaign.redemption.released.v1', // RedemptionChanged
  },
  webhook: {
    endpointCreated: 'webhook.endpoint.created.v1', // WebhookEndpointChanged
    endpointUpdated: 'webhook.endpoint.updated.v1', // WebhookEndpointChanged
    endpointDeleted: 'webhook.endpoint.deleted.v1', // WebhookEndpointChanged
    endpointSecretRotated: 'webhook.endpoint.secret_rotated.v1', // WebhookEndpointChanged
    // After failing every delivery for 5 days; `reason` says why.
    endpointDisabled: 'webhook.endpoint.disabled.v1', // WebhookEndpointChanged
  },
} as const;
