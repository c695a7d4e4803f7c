import { z } from 'zod';
import { listOf, PageQuery, Timestamp } from '../http/schemas';

/**
 * Request and response schemas of the billing routes (API.md "Billing"). The
 * billing service checks the same rules again (Luhn, expiry, amounts).
 */

const Id = (prefix: string) => z.string().min(1).max(64).openapi({ example: `${prefix}_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M` });

export const CustomerIdParams = z.object({ id: Id('cus') });
export const PaymentMethodParams = z.object({ id: Id('cus'), pmId: Id('pm') });

export const AttachPaymentMethodBody = z.object({
  type: z.literal('card', { error: 'must be "card"' }),
  card: z.object({
    number: z
      .string()
      .transform((s) => s.replace(/[\s-]/g, ''))
      .pipe(z.string().regex(/^\d{12,19}$/, 'must be 12 to 19 digits'))
      .openapi({ description: 'Sent to the payment provider; never stored or logged.', example: '4242424242424242' }),
    expMonth: z.number().int().min(1, 'must be 1 to 12').max(12, 'must be 1 to 12'),
    expYear: z.number().int().min(2000, 'must be a four-digit year').max(2200, 'must be a four-digit year'),
    cvc: z.string().regex(/^\d{3,4}$/, 'must be 3 or 4 digits'),
  }),
  default: z.boolean().optional(),
});

export const PaymentMethodSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    brand: z.string(),
    last4: z.string(),
    expMonth: z.number().int(),
    expYear: z.number().int(),
    default: z.boolean(),
  })
  .openapi('PaymentMethod');

export const PaymentMethodList = z.object({ data: z.array(PaymentMethodSchema) }).openapi('PaymentMethodList');

const Quantity = z.number().int('must be a whole number').min(1, 'must be at least 1').max(1_000_000, 'must be at most 1000000');

export const CreateSubscriptionBody = z.object({
  customerId: z.string().min(1).max(64),
  priceId: z.string().min(1).max(64),
  quantity: Quantity.optional(),
  paymentMethodId: z.string().min(1).max(64).optional(),
  couponCode: z.string().trim().min(1).max(100).optional(),
  storefrontId: z.string().min(1).max(64).optional(),
});

export const DiscountSchema = z
  .object({
    campaignId: z.string(),
    variant: z.string().nullable(),
    type: z.enum(['percent_off', 'amount_off']),
    percentOff: z.string().optional(),
    amountOff: z.number().int().optional(),
    durationCycles: z.number().int().nullable(),
    remainingCycles: z.number().int().nullable(),
    code: z.string().nullable(),
  })
  .openapi('Discount');

export const SUBSCRIPTION_STATUSES = ['trialing', 'active', 'incomplete', 'incomplete_expired', 'past_due', 'canceled'] as const;

export const SubscriptionSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    priceId: z.string(),
    bundleId: z.string(),
    status: z.enum(SUBSCRIPTION_STATUSES),
    quantity: z.number().int(),
    currentPeriodStart: Timestamp,
    currentPeriodEnd: Timestamp,
    trialEnd: Timestamp.nullable(),
    cancelAtPeriodEnd: z.boolean(),
    canceledAt: Timestamp.nullable(),
    discount: DiscountSchema.nullable(),
    latestInvoiceId: z.string().nullable(),
    storefrontId: z.string().nullable(),
    amount: z.number().int(),
    currency: z.string(),
    interval: z.string(),
    intervalCount: z.number().int(),
    createdAt: Timestamp,
  })
  .openapi('Subscription');

export const SubscriptionList = listOf(SubscriptionSchema, 'SubscriptionList');

export const ListSubscriptionsQuery = PageQuery.extend({
  customerId: z.string().min(1).max(64).optional(),
  status: z.enum(SUBSCRIPTION_STATUSES).optional(),
});

export const CancelSubscriptionBody = z.object({ atPeriodEnd: z.boolean({ error: 'must be true or false' }) });

export const ChangePriceBody = z.object({ priceId: z.string().min(1).max(64), quantity: Quantity.optional() });

export const InvoiceLineSchema = z
  .object({
    description: z.string(),
    amount: z.number().int().openapi({ description: 'Minor units; negative for credits.' }),
    quantity: z.number().int(),
    periodStart: Timestamp.nullable(),
    periodEnd: Timestamp.nullable(),
  })
  .openapi('InvoiceLine');

export const ChangePricePreviewSchema = z
  .object({
    subscriptionId: z.string(),
    priceId: z.string(),
    quantity: z.number().int(),
    currency: z.string(),
    at: Timestamp.openapi({ description: "The environment's time the preview is for (a sandbox's test clock included)." }),
    lines: z.array(InvoiceLineSchema).openapi({ description: 'Empty for a trialing subscription, which is charged nothing.' }),
    subtotal: z.number().int(),
    discount: z.number().int(),
    tax: z.number().int(),
    total: z.number().int().openapi({ description: 'What the change would charge now, minor units of `currency`.' }),
    periodStart: Timestamp.openapi({ description: 'The period after the change: a new one when the interval changes.' }),
    periodEnd: Timestamp,
  })
  .openapi('ChangePricePreview', {
    description: 'The invoice `POST /subscriptions/{id}/change-price` would create and charge at this moment, computed by the same code; nothing is written.',
  });

export const InvoiceSchema = z
  .object({
    id: z.string(),
    status: z.enum(['open', 'paid', 'void', 'uncollectible']),
    currency: z.string(),
    customerId: z.string(),
    subscriptionId: z.string(),
    lines: z.array(InvoiceLineSchema),
    subtotal: z.number().int(),
    discount: z.number().int(),
    tax: z.number().int(),
    total: z.number().int(),
    amountPaid: z.number().int(),
    amountRefunded: z.number().int(),
    paymentIds: z.array(z.string()),
    createdAt: Timestamp,
  })
  .openapi('Invoice');

export const InvoiceList = listOf(InvoiceSchema, 'InvoiceList');

export const ListInvoicesQuery = PageQuery.extend({
  customerId: z.string().min(1).max(64).optional(),
  subscriptionId: z.string().min(1).max(64).optional(),
});

export const PayInvoiceBody = z.object({ paymentMethodId: z.string().min(1).max(64).optional() });

export const PAYMENT_STATUSES = ['succeeded', 'failed', 'refunded', 'partially_refunded'] as const;

export const PaymentSchema = z
  .object({
    id: z.string(),
    invoiceId: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    status: z.enum(PAYMENT_STATUSES),
    failureCode: z.string().optional(),
    amountRefunded: z.number().int(),
    createdAt: Timestamp,
  })
  .openapi('Payment');

export const PaymentList = listOf(PaymentSchema, 'PaymentList');

export const ListPaymentsQuery = PageQuery.extend({
  customerId: z.string().min(1).max(64).optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
});

export const CreateRefundBody = z.object({
  amount: z.number().int('must be a whole number of minor units').min(1, 'must be positive').max(999_999_999).optional(),
  reason: z.string().max(500).optional(),
});

export const RefundSchema = z
  .object({
    id: z.string(),
    paymentId: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    reason: z.string().nullable(),
    status: z.enum(['succeeded', 'failed']).openapi({ description: 'A refund the provider refused is kept as `failed` (its creation answered a 422).' }),
    createdAt: Timestamp,
  })
  .openapi('Refund');

export const RefundList = listOf(RefundSchema, 'RefundList');

export const ListRefundsQuery = PageQuery.extend({
  paymentId: z.string().min(1).max(64).optional(),
  customerId: z.string().min(1).max(64).optional().openapi({ description: "The refunds of the customer's payments." }),
});

export const TestClockSchema = z.object({ now: Timestamp }).openapi('TestClock');

export const AdvanceTestClockBody = z.object({
  to: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp' }),
});

export const AdvanceTestClockResponse = z
  .object({
    now: Timestamp,
    processed: z.object({
      renewals: z.number().int(),
      trialConversions: z.number().int(),
      retries: z.number().int(),
      cancellations: z.number().int(),
    }),
  })
  .openapi('TestClockAdvance');

export const EntitlementList = z
  .object({
    data: z.array(
      z.object({
        key: z.string(),
        value: z.union([z.boolean(), z.number(), z.string()]),
        bundleId: z.string(),
        subscriptionId: z.string(),
      }),
    ),
  })
  .openapi('CustomerEntitlements');
