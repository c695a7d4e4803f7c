import { z } from 'zod';
import { Email, Timestamp } from '../http/schemas';

const AbsoluteUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((s) => /^https?:\/\/[^\s/]+/i.test(s) && URL.canParse(s), 'must be an absolute http or https URL');

const Id = z.string().min(1).max(64);

export const CreateCheckoutSessionBody = z
  .object({
    storefrontId: Id,
    priceIds: z
      .array(Id)
      .min(1, 'must name 1 to 5 prices')
      .max(5, 'must name 1 to 5 prices')
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a price')
      .openapi({ description: 'The prices offered to choose from (1–5).' }),
    customerId: Id.optional(),
    customerEmail: Email.optional(),
    quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1_000_000, 'must be at most 1000000').optional(),
    couponCode: z.string().trim().min(1).max(100).optional(),
    allowCoupons: z.boolean().optional().openapi({ description: 'Whether the page asks for a coupon code (default true).' }),
    successUrl: AbsoluteUrl.openapi({ description: 'Where the page goes once paid, with `?session_id=cs_…` added.' }),
    cancelUrl: AbsoluteUrl.openapi({ description: 'Where "Back" goes.' }),
    expiresInMinutes: z.number().int('must be a whole number').min(5, 'must be 5 to 10080').max(10_080, 'must be 5 to 10080').optional(),
  })
  .refine((b) => !(b.customerId && b.customerEmail), { message: 'give customerId or customerEmail, not both', path: ['customerEmail'] })
  .openapi('CreateCheckoutSessionRequest');

export const CheckoutSessionSchema = z
  .object({
    id: z.string().openapi({ example: 'cs_01J…' }),
    url: z
      .string()
      .nullable()
      .openapi({
        description:
          'The hosted checkout page: send the customer there. It holds the session\'s secret, which is stored only as a hash: the URL is in the answer to POST alone (null in GET).',
      }),
    status: z.enum(['open', 'complete', 'expired']),
    expiresAt: Timestamp,
    storefrontId: z.string(),
    priceIds: z.array(z.string()),
    priceId: z.string().nullable().openapi({ description: 'The price the customer chose, once complete.' }),
    customerId: z.string().nullable(),
    customerEmail: z.string().nullable(),
    subscriptionId: z.string().nullable(),
    quantity: z.number().int(),
    couponCode: z.string().nullable(),
    allowCoupons: z.boolean(),
    successUrl: z.string(),
    cancelUrl: z.string(),
    createdAt: Timestamp,
    completedAt: Timestamp.nullable(),
  })
  .openapi('CheckoutSession');

export const CreatePortalSessionBody = z.object({
  customerId: Id,
  returnUrl: AbsoluteUrl.openapi({ description: 'Where the page\'s "Return" link goes.' }),
  storefrontId: Id.optional().openapi({ description: 'Whose branding and prices the page shows; default the customer\'s storefront.' }),
}).openapi('CreateCustomerPortalSessionRequest');

export const PortalSessionSchema = z
  .object({
    id: z.string().openapi({ example: 'cps_01J…' }),
    url: z.string().openapi({ description: 'The customer\'s self-service page, valid 1 hour. It holds the session\'s secret; treat it as one.' }),
    customerId: z.string(),
    storefrontId: z.string().nullable(),
    returnUrl: z.string(),
    expiresAt: Timestamp,
    createdAt: Timestamp,
  })
  .openapi('CustomerPortalSession');

export const UpdateSubscriptionBody = z.object({
  cancelAtPeriodEnd: z.boolean().openapi({ description: 'false undoes a cancel at period end; true is the same as cancel `{ atPeriodEnd: true }`.' }),
});
