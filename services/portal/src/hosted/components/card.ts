import type { CardInput } from '../api/client';
import type { Messages } from '../i18n';

/** The card as typed: text, so that what a person typed stays as typed. */
export interface CardValues {
  number: string;
  expMonth: string;
  expYear: string;
  cvc: string;
}

export const emptyCard: CardValues = { number: '', expMonth: '', expYear: '', cvc: '' };

/** Messages by the API's field paths (`card.number`, `email`, …): the browser's checks and the API's `errors[]` alike. */
export type FieldErrors = Partial<Record<string, string>>;

/** The card fields by the API's paths, in the order they are shown. */
export const CARD_FIELDS = ['card.number', 'card.expMonth', 'card.expYear', 'card.cvc'] as const;

/** Spaces and dashes are how card numbers are written; they are not sent. */
export const cardDigits = (number: string) => number.replace(/[\s-]/g, '');

/** The Luhn check digit test every card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** `30` → 2030; four digits as typed. */
const fullYear = (text: string) => (text.trim().length === 2 ? 2000 + Number(text.trim()) : Number(text.trim()));

/**
 * What the browser can tell cheaply, every problem at once: the number's
 * shape and Luhn digit, a month, a year, an expiry not in the past, a CVC.
 * The API checks again and has the last word (its 400 names the same paths).
 */
export function cardProblems(card: CardValues, t: Messages, now = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  const digits = cardDigits(card.number);
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) errors['card.number'] = t.card.invalidNumber;
  const month = card.expMonth.trim();
  const monthOk = /^\d{1,2}$/.test(month) && Number(month) >= 1 && Number(month) <= 12;
  if (!monthOk) errors['card.expMonth'] = t.card.invalidMonth;
  const yearOk = /^(\d{2}|\d{4})$/.test(card.expYear.trim());
  if (!yearOk) errors['card.expYear'] = t.card.invalidYear;
  if (monthOk && yearOk) {
    const year = fullYear(card.expYear);
    const thisMonth = now.getFullYear() * 12 + now.getMonth();
    if (year * 12 + (Number(month) - 1) < thisMonth) errors['card.expYear'] = t.card.expired;
  }
  if (!/^\d{3,4}$/.test(card.cvc.trim())) errors['card.cvc'] = t.card.invalidCvc;
  return errors;
}

export function toCardInput(card: CardValues): CardInput {
  return { number: cardDigits(card.number), expMonth: Number(card.expMonth.trim()), expYear: fullYear(card.expYear), cvc: card.cvc.trim() };
}

/** `4242424242424242` → `4242 4242 4242 4242`. */
export const groupedNumber = (n: string) => n.replace(/(\d{4})(?=\d)/g, '$1 ');

/** A test card's number, with an expiry and CVC the sandbox takes. */
export function testCardValues(number: string, now = new Date()): CardValues {
  return { number: groupedNumber(number), expMonth: '12', expYear: String(now.getFullYear() + 3), cvc: '123' };
}

/** A decline code in words, in the page's language. */
export const declineText = (code: string | undefined, t: Messages) => (code && t.declines[code]) || t.declinedOther;
