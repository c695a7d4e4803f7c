import { z } from 'zod';
import { Email, Timestamp } from '../http/schemas';
import { AttachPaymentMethodBody, InvoiceLineSchema, PaymentMethodSchema, SUBSCRIPTION_STATUSES } from './billing-schemas';

/** The hosted pages' API (services/gateway/src/hosted/CONTRACT.md): what a page needs, in the storefront's terms. */

const Interval = z.enum(['day', 'week', 'month', 'year']);

export const HostedStorefrontSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    logoUrl: z.string().nullable(),
    primaryColor: z.string().nullable(),
    theme: z.enum(['light', 'dark']),
    locale: z.string().openapi({ description: 'BCP 47: the language, numbers, money and dates of the page.' }),
    timezone: z.string(),
    taxBehavior: z.enum(['inclusive', 'exclusive']),
    taxRatePercent: z.string().nullable(),
  })
  .openapi('HostedStorefront');

const Environment = z.object({ kind: z.enum(['production', 'sandbox']) });

export const TestCardSchema = z.object({ number: z.string(), description: z.string() }).openapi('TestCard');

const Entitlement = z.object({ key: z.string(), value: z.string() });

export const HostedPriceSchema = z
  .object({
    id: z.string(),
    currency: z.string(),
    unitAmount: z.number().int().openapi({ description: 'One unit for one interval, minor units.' }),
    amount: z.number().int().openapi({ description: '× quantity, one interval, before tax.' }),
    interval: Interval,
    intervalCount: z.number().int(),
    trialDays: z.number().int(),
    setupFee: z.number().int(),
    tax: z.object({ behavior: z.enum(['inclusive', 'exclusive']), ratePercent: z.string().nullable(), amount: z.number().int() }),
    dueToday: z.number().int().openapi({ description: 'The first charge: setup fee and exclusive tax included; 0 when a trial starts.' }),
    bundle: z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), entitlements: z.array(Entitlement) }),
  })
  .openapi('HostedPrice');

export const HostedCheckoutSchema = z
  .object({
    session: z.object({
      id: z.string(),
      status: z.enum(['open', 'complete', 'expired']),
      expiresAt: Timestamp,
      customerEmail: z.string().nullable(),
      customerKnown: z.boolean(),
      quantity: z.number().int(),
      allowCoupons: z.boolean(),
      couponCode: z.string().nullable(),
      successUrl: z.string().openapi({ description: 'With `?session_id=cs_…` already added.' }),
      cancelUrl: z.string(),
    }),
    storefront: HostedStorefrontSchema,
    environment: Environment,
    paymentMethodTypes: z.array(z.literal('card')),
    testCards: z.array(TestCardSchema),
    prices: z.array(HostedPriceSchema),
  })
  .openapi('HostedCheckout');

export const CouponCheckBody = z.object({
  code: z.string().trim().min(1, 'is required').max(100),
  priceId: z.string().min(1).max(64),
});

export const COUPON_REASONS = ['unknown_code', 'not_active', 'expired', 'exhausted', 'not_targeted', 'currency_mismatch'] as const;

export const CouponCheckSchema = z
  .object({
    code: z.string(),
    applies: z.boolean(),
    reason: z.enum(COUPON_REASONS).nullable(),
    message: z.string(),
    discount: z
      .object({
        type: z.enum(['percent_off', 'amount_off']),
        percentOff: z.string().nullable(),
        amountOff: z.number().int().nullable(),
        currency: z.string().nullable(),
        durationCycles: z.number().int().nullable(),
      })
      .nullable(),
    trialDays: z.number().int(),
    dueToday: z.number().int(),
  })
  .openapi('HostedCouponCheck');

const Card = AttachPaymentMethodBody.shape.card;

export const CompleteCheckoutBody = z.object({
  priceId: z.string().min(1).max(64),
  email: Email.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  card: Card,
  couponCode: z.string().trim().min(1).max(100).optional(),
});

export const CompletedCheckoutSchema = z
  .object({ status: z.literal('complete'), subscriptionId: z.string(), redirectUrl: z.string() })
  .openapi('HostedCheckoutCompleted');

export const HostedSubscriptionSchema = z
  .object({
    id: z.string(),
    status: z.enum(SUBSCRIPTION_STATUSES),
    priceId: z.string(),
    bundleName: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    interval: z.string(),
    intervalCount: z.number().int(),
    quantity: z.number().int(),
    currentPeriodEnd: Timestamp,
    trialEnd: Timestamp.nullable(),
    cancelAtPeriodEnd: z.boolean(),
    nextRenewal: z.object({ at: Timestamp, amount: z.number().int() }).nullable(),
    changeOptions: z.array(
      z.object({
        priceId: z.string(),
        bundleName: z.string(),
        amount: z.number().int(),
        currency: z.string(),
        interval: z.string(),
        intervalCount: z.number().int(),
      }),
    ),
  })
  .openapi('HostedSubscription');

export const HostedPortalSchema = z
  .object({
    status: z.enum(['open', 'expired']),
    expiresAt: Timestamp,
    returnUrl: z.string(),
    customer: z.object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() }),
    storefront: HostedStorefrontSchema,
    environment: Environment,
    testCards: z.array(TestCardSchema),
    subscriptions: z.array(HostedSubscriptionSchema),
    paymentMethods: z.array(PaymentMethodSchema),
    invoices: z.array(
      z.object({
        id: z.string(),
        status: z.enum(['open', 'paid', 'void', 'uncollectible']),
        total: z.number().int(),
        currency: z.string(),
        amountPaid: z.number().int(),
        createdAt: Timestamp,
      }),
    ),
  })
  .openapi('HostedPortal');

export const HostedChangePriceBody = z.object({ priceId: z.string().min(1).max(64) });

export const HostedCardBody = z.object({ card: Card });

export const HostedInvoiceSchema = z
  .object({
    invoice: z.object({
      id: z.string(),
      status: z.enum(['open', 'paid', 'void', 'uncollectible']),
      currency: z.string(),
      lines: z.array(InvoiceLineSchema),
      subtotal: z.number().int(),
      discount: z.number().int(),
      tax: z.number().int(),
      total: z.number().int(),
      amountPaid: z.number().int(),
      amountRefunded: z.number().int(),
      createdAt: Timestamp,
    }),
    seller: z.object({ name: z.string() }),
    customer: z.object({ name: z.string().nullable(), email: z.string().nullable(), country: z.string().nullable() }),
  })
  .openapi('HostedInvoice');
