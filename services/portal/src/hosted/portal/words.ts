import type { PaymentMethod } from '../api/client';
import type { Messages } from '../i18n';

const BRANDS: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', diners: 'Diners Club', jcb: 'JCB', unionpay: 'UnionPay' };

/** `Visa •••• 4242`. */
export function cardLabel(pm: Pick<PaymentMethod, 'brand' | 'last4'>, t: Messages): string {
  const brand = BRANDS[pm.brand.toLowerCase()] ?? pm.brand.charAt(0).toUpperCase() + pm.brand.slice(1);
  return t.card.label(brand, pm.last4);
}

/** Statuses whose subscription can still be acted on (the API decides each action; these are the ones worth offering). */
export const isLive = (status: string) => status !== 'canceled' && status !== 'incomplete_expired';
