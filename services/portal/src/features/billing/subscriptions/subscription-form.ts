import { z } from 'zod';
import type { paths } from '../../../lib/api';
import { t } from '../../../lib/i18n';

const text = t.billing.create;
type CreateBody = paths['/subscriptions']['post']['requestBody']['content']['application/json'];

/** A quantity as typed: a whole number from 1 to 1,000,000 (the API's range), else undefined. */
export function quantityOf(typed: string): number | undefined {
  const s = typed.trim();
  if (!/^\d{1,7}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1 && n <= 1_000_000 ? n : undefined;
}

/** The Create subscription form, its fields named as POST /subscriptions names them (bundleId only narrows the prices). */
export const subscriptionSchema = z.object({
  customerId: z.string().min(1, text.chooseCustomerFirst),
  bundleId: z.string(),
  priceId: z.string().min(1, text.choosePriceFirst),
  quantity: z.string().refine((v) => quantityOf(v) !== undefined, text.wholeNumber),
  couponCode: z.string().trim().max(100, 'must be at most 100 characters'),
  paymentMethodId: z.string(),
});

export type SubscriptionValues = z.infer<typeof subscriptionSchema>;

export const SUBSCRIPTION_FIELDS = ['customerId', 'priceId', 'quantity', 'couponCode', 'paymentMethodId'] as const;

export const emptySubscription = (customerId = ''): SubscriptionValues => ({
  customerId,
  bundleId: '',
  priceId: '',
  quantity: '1',
  couponCode: '',
  paymentMethodId: '',
});

export function toSubscriptionBody(v: SubscriptionValues): CreateBody {
  const coupon = v.couponCode.trim();
  return {
    customerId: v.customerId,
    priceId: v.priceId,
    quantity: quantityOf(v.quantity) ?? 1,
    ...(coupon ? { couponCode: coupon } : {}),
    ...(v.paymentMethodId ? { paymentMethodId: v.paymentMethodId } : {}),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** As the customers list searches: a whole email exactly, anything else as a prefix. */
export function customerQuery(typed: string): { email?: string; q?: string } {
  const s = typed.trim();
  if (!s) return {};
  return EMAIL.test(s) ? { email: s } : { q: s.slice(0, 100) };
}
