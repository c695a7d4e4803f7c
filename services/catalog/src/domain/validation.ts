import { isCurrency } from '@azotte/common';
import { z } from 'zod';
import { MAX_AMOUNT, MAX_DECIMALS } from './pricing';

/**
 * How commands are checked: one zod schema per command, the request checked
 * whole, every problem reported at once as one invalid_argument error whose
 * field paths are the HTTP names (`tiers.2.unitAmount`).
 */

export { fieldErrors, validate } from '@azotte/common';

export type Report = (path: Array<string | number>, message: string) => void;

/**
 * A rule across several fields of an object. Unlike a refinement, it runs even
 * when some fields failed their own checks (so every problem is reported at
 * once); it must therefore not trust the types of the values it reads.
 */
export function acrossFields<V = Record<string, unknown>>(rule: (value: V, report: Report) => void) {
  return z.core._check<object>(
    (payload) => {
      rule(payload.value as V, (path, message) =>
        payload.issues.push({ code: 'custom', path, message, input: payload.value }),
      );
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}

/** Rejects repeated items, naming each repetition by its index. */
export const noDuplicates = (items: unknown[], ctx: z.RefinementCtx) => {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    if (seen.has(item)) ctx.addIssue({ code: 'custom', path: [i], message: 'is listed twice' });
    seen.add(item);
  });
};

// ---- money ---------------------------------------------------------------------------------

export const currency = z.string().refine(isCurrency, { error: 'is not an upper-case ISO 4217 currency code' });

/** An amount of money: a whole, non-negative number of minor units, at most MAX_AMOUNT. */
export const amount = z
  .number({ error: 'must be a whole number of minor units' })
  .refine(Number.isInteger, { error: 'must be a whole number of minor units (no fractions)', abort: true })
  .refine((n) => n >= 0, { error: 'must not be negative' })
  .refine((n) => n <= MAX_AMOUNT, { error: `must be at most ${MAX_AMOUNT}` });

const DECIMAL = new RegExp(`^\\d{1,9}(\\.\\d{1,${MAX_DECIMALS}})?$`);

/** A unit amount in decimal minor units ("0.5"), as Stripe's unit_amount_decimal. */
export const decimalAmount = z.string().superRefine((text, ctx) => {
  if (text.trim().startsWith('-')) ctx.addIssue({ code: 'custom', message: 'must not be negative' });
  else if (!DECIMAL.test(text)) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a decimal number of minor units with at most ${MAX_DECIMALS} decimals, such as "0.5"`,
    });
  } else if (Number(text.split('.')[0]) > MAX_AMOUNT) {
    ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_AMOUNT}` });
  }
});

/** The canonical form of a valid decimal: no leading zeros, no trailing fractional zeros ("01.50" → "1.5"). */
export function canonicalDecimal(text: string): string {
  const [whole = '0', fraction = ''] = text.split('.');
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = fraction.replace(/0+$/, '');
  return f ? `${w}.${f}` : w;
}
