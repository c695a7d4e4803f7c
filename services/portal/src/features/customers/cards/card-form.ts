import { z } from 'zod';
import { t } from '../../../lib/i18n';
import type { AddCardBody } from '../api/mutations';

const text = t.customers.addCard;

/** Spaces and dashes are how card numbers are written; the API strips them too. */
export const cardDigits = (number: string) => number.replace(/[\s-]/g, '');

/**
 * The browser checks the shape (12–19 digits, a month, a four-digit year, a
 * CVC). Luhn, expiry against the environment's clock and the provider's
 * answer are the API's: its errors land beside `card.number` and the rest.
 */
export const cardSchema = z.object({
  card: z.object({
    number: z.string().refine((v) => /^\d{12,19}$/.test(cardDigits(v)), text.invalidNumber),
    expMonth: z.string().refine((v) => /^\d{1,2}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 12, text.invalidMonth),
    expYear: z.string().refine((v) => /^\d{4}$/.test(v.trim()), text.invalidYear),
    cvc: z.string().refine((v) => /^\d{3,4}$/.test(v.trim()), text.invalidCvc),
  }),
  default: z.boolean(),
});

export type CardValues = z.infer<typeof cardSchema>;

export const CARD_FIELDS = ['card.number', 'card.expMonth', 'card.expYear', 'card.cvc', 'default'] as const;

export const emptyCard: CardValues = { card: { number: '', expMonth: '', expYear: '', cvc: '' }, default: true };

export function toCardBody(v: CardValues): AddCardBody {
  return {
    type: 'card',
    card: { number: cardDigits(v.card.number), expMonth: Number(v.card.expMonth), expYear: Number(v.card.expYear.trim()), cvc: v.card.cvc.trim() },
    default: v.default,
  };
}

/** The sandbox provider's test cards (API.md "Billing"): what each does. */
export const TEST_CARDS = [
  { number: '4242424242424242', behaviour: t.customers.testCards.succeeds },
  { number: '4000000000000002', behaviour: t.customers.testCards.declined },
  { number: '4000000000009995', behaviour: t.customers.testCards.insufficientFunds },
  { number: '4000000000000341', behaviour: t.customers.testCards.chargesDecline },
] as const;

/** A card as people read it: `Visa •••• 4242`. */
export const cardName = (pm: { brand: string; last4: string }) =>
  t.customers.cards.brandLast4(pm.brand.charAt(0).toUpperCase() + pm.brand.slice(1), pm.last4);

/** `4242424242424242` → `4242 4242 4242 4242`. */
export const groupedNumber = (n: string) => n.replace(/(\d{4})(?=\d)/g, '$1 ');
