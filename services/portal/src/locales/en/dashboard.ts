/** Texts of the dashboard section. */
export const dashboard = {
  title: 'Dashboard',
  description: (environment: string) => `Your subscription business at a glance, in ${environment}.`,
  refreshing: 'Figures refresh every 15 seconds while this page is open.',
  updatedAt: 'Updated',
  keyMetrics: 'Key metrics',
  moreMetrics: 'More figures',

  metrics: {
    mrr: 'Monthly Recurring Revenue',
    activeSubscriptions: 'Active Subscriptions',
    churnRate: 'Churn Rate',
    paymentSuccessRate: 'Payment Success Rate',
    trialingSubscriptions: 'Trialing subscriptions',
    revenue: 'Revenue',
    newCustomers: 'New customers',
  },
  details: {
    mrr: 'At the end of the period',
    activeSubscriptions: 'Active and past due, at the end of the period',
    trialing: 'Counted apart from active ones',
    revenue: 'Succeeded payments less refunds',
    newCustomers: 'First paid in the period',
    unavailable: 'Its source did not answer in time; the figure is not known right now.',
    refreshFailed: 'The figures could not be refreshed.',
  },

  mrrChart: {
    title: 'MRR and its movements',
    openReport: 'Open the MRR report',
    totalsCaption: 'MRR movements in the period',
  },

  quickActions: {
    title: 'Quick actions',
    none: 'Your role has no actions to start from here.',
    createSubscription: 'Create subscription',
    createSubscriptionHint: 'Sign a customer up to a price.',
    processRefund: 'Process refund',
    processRefundHint: 'Find the payment, then refund it.',
    manageCustomers: 'Manage customers',
    manageCustomersHint: 'Profiles, payment methods, support requests.',
    configureCampaigns: 'Configure campaigns',
    configureCampaignsHint: 'Offers, coupon codes, targeting, A/B tests.',
  },

  gettingStarted: {
    title: 'Getting started',
    intro: 'Five steps from an empty tenant to a running subscription service.',
    allDone: 'Every step is done — your subscription service is running.',
    progress: (done: number, total: number) => `${done} of ${total} done`,
    dismiss: 'Dismiss',
    dismissLabel: 'Dismiss Getting started',
    done: 'Done',
    todo: 'To do',
    checking: 'Checking…',
    unknown: 'Not known',
    steps: {
      setup: {
        title: 'Initial Setup',
        description: 'Configure your tenant and first storefront.',
        action: 'Create a storefront',
      },
      bundle: {
        title: 'Bundle Creation',
        description: 'Define your products and services.',
        action: 'Create a bundle',
      },
      pricing: {
        title: 'Pricing Setup',
        description: 'Create pricing strategies.',
        action: 'Add prices',
      },
      payments: {
        title: 'Payment Configuration',
        description: 'Connect payment providers.',
        action: 'Connect a provider',
        sandboxDone: 'The sandbox provider is always on in sandbox environments.',
        unknown: 'Only an Administrator can see the payment providers.',
      },
      live: {
        title: 'Go Live',
        description: 'Launch your subscription service — in the sandbox first: share a storefront\'s checkout link (on its page), or create a subscription here.',
        action: 'Create a first subscription',
        trySandbox: 'Try it in the sandbox',
      },
    },
  },
} as const;
