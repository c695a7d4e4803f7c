import type { Checkout, CheckoutPrice, CouponEvaluation, CustomerPortal, InvoiceDocument, PortalSubscription, Storefront } from '../api/client';

/** Test data, shaped as CONTRACT.md's answers, with what a test cares about overridden. */

export const aStorefront = (over: Partial<Storefront> = {}): Storefront => ({
  id: 'sf_01TEST',
  name: 'Streamly',
  logoUrl: 'https://cdn.example.com/streamly.png',
  primaryColor: '#1a73e8',
  theme: 'light',
  locale: 'en-US',
  timezone: 'Europe/Berlin',
  taxBehavior: 'inclusive',
  taxRatePercent: '19',
  ...over,
});

export const aPrice = (over: Partial<CheckoutPrice> = {}): CheckoutPrice => ({
  id: 'price_monthly',
  currency: 'EUR',
  unitAmount: 999,
  amount: 999,
  interval: 'month',
  intervalCount: 1,
  trialDays: 0,
  setupFee: 0,
  tax: { behavior: 'inclusive', ratePercent: '19', amount: 160 },
  dueToday: 999,
  bundle: { id: 'bnd_premium', name: 'Premium', description: 'Everything, in HD.', entitlements: [{ key: 'hd_streaming', value: 'true' }, { key: 'screens', value: '4' }] },
  ...over,
});

export function aCheckout(over: { session?: Partial<Checkout['session']>; storefront?: Partial<Storefront>; prices?: CheckoutPrice[]; sandbox?: boolean } = {}): Checkout {
  return {
    session: {
      id: 'cs_01TEST',
      status: 'open',
      expiresAt: '2026-12-02T12:00:00Z',
      customerEmail: null,
      customerKnown: false,
      quantity: 1,
      allowCoupons: true,
      couponCode: null,
      successUrl: 'https://shop.example.com/thanks?session_id=cs_01TEST',
      cancelUrl: 'https://shop.example.com/pricing',
      ...over.session,
    },
    storefront: aStorefront(over.storefront),
    environment: { kind: over.sandbox ? 'sandbox' : 'production' },
    paymentMethodTypes: ['card'],
    testCards: over.sandbox
      ? [
          { number: '4242424242424242', description: 'Succeeds' },
          { number: '4000000000000002', description: 'Declined (card_declined)' },
        ]
      : [],
    prices: over.prices ?? [aPrice(), aPrice({ id: 'price_yearly', amount: 9900, unitAmount: 9900, interval: 'year', dueToday: 9900, trialDays: 14 })],
  };
}

export const anEvaluation = (over: Partial<CouponEvaluation> = {}): CouponEvaluation => ({
  code: 'SAVE20',
  applies: true,
  reason: null,
  message: 'The code applies.',
  discount: { type: 'percent_off', percentOff: '20', amountOff: null, currency: null, durationCycles: 3 },
  trialDays: 0,
  dueToday: 799,
  ...over,
});

export const aSubscription = (over: Partial<PortalSubscription> = {}): PortalSubscription => ({
  id: 'sub_01TEST',
  status: 'active',
  priceId: 'price_monthly',
  bundleName: 'Premium',
  amount: 999,
  currency: 'EUR',
  interval: 'month',
  intervalCount: 1,
  quantity: 1,
  currentPeriodEnd: '2026-12-31T23:00:00Z',
  trialEnd: null,
  cancelAtPeriodEnd: false,
  nextRenewal: { at: '2026-12-31T23:00:00Z', amount: 999 },
  changeOptions: [{ priceId: 'price_family', bundleName: 'Family', amount: 1999, currency: 'EUR', interval: 'month', intervalCount: 1 }],
  ...over,
});

export function aPortal(over: Partial<Omit<CustomerPortal, 'storefront'>> & { storefront?: Partial<Storefront> } = {}): CustomerPortal {
  const { storefront, ...rest } = over;
  return {
    status: 'open',
    expiresAt: '2026-12-02T12:00:00Z',
    returnUrl: 'https://shop.example.com/account',
    customer: { id: 'cus_01TEST', email: 'ada@example.com', name: 'Ada Lovelace' },
    environment: { kind: 'production' },
    testCards: [],
    subscriptions: [aSubscription()],
    paymentMethods: [{ id: 'pm_01TEST', type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, default: true }],
    invoices: [{ id: 'in_01TEST', status: 'paid', total: 999, currency: 'EUR', amountPaid: 999, createdAt: '2026-11-30T23:30:00Z' }],
    ...rest,
    storefront: aStorefront(storefront),
  };
}

export const anInvoice = (over: Partial<InvoiceDocument['invoice']> = {}): InvoiceDocument => ({
  invoice: {
    id: 'in_01TEST',
    status: 'paid',
    currency: 'EUR',
    lines: [{ description: 'Premium (monthly)', amount: 999, quantity: 1, periodStart: '2026-11-30T23:00:00Z', periodEnd: '2026-12-31T23:00:00Z' }],
    subtotal: 999,
    discount: 200,
    tax: 128,
    total: 799,
    amountPaid: 799,
    amountRefunded: 0,
    createdAt: '2026-11-30T23:30:00Z',
    ...over,
  },
  seller: { name: 'Streamly GmbH' },
  customer: { name: 'Ada Lovelace', email: 'ada@example.com', country: 'DE' },
});
