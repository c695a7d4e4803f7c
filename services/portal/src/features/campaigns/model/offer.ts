import { isCurrency } from '@azotte/currencies';
import { z } from 'zod';
import type { Schema } from '../../../lib/api';
import { minorOf, moneyText } from '../../../lib/forms';
import { formatMoney, minorToInput } from '../../../lib/money';
import { t } from '../../../lib/i18n';
import { wholeOf, wholeText } from './numbers';

export type OfferType = Schema<'Offer'>['type'];
export const OFFER_TYPES: readonly OfferType[] = ['percent_off', 'amount_off', 'trial_extension'];

/**
 * An offer as its editor holds it: every type's fields at once, as typed
 * (text), so that switching type and back keeps what was entered. Only the
 * chosen type's fields are validated and sent.
 */
export interface OfferValues {
  type: OfferType;
  percentOff: string;
  amountOff: string;
  currency: string;
  durationCycles: string;
  trialDays: string;
}

export const emptyOffer = (): OfferValues => ({ type: 'percent_off', percentOff: '', amountOff: '', currency: '', durationCycles: '', trialDays: '' });

const c = t.campaigns.check;
const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;

/** The offer's checks, those of the gateway's OfferInput: each problem at the field it names. */
export const offerSchema = z
  .object({
    type: z.enum(['percent_off', 'amount_off', 'trial_extension']),
    percentOff: z.string(),
    amountOff: z.string(),
    currency: z.string(),
    durationCycles: z.string(),
    trialDays: z.string(),
  })
  .superRefine((offer, ctx) => {
    const report = (path: keyof OfferValues, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const check = (path: keyof OfferValues, schema: z.ZodType<string>) => {
      const result = schema.safeParse(offer[path]);
      if (!result.success) report(path, result.error.issues[0]?.message ?? c.required);
    };
    if (offer.type === 'percent_off') {
      const s = offer.percentOff.trim();
      if (s === '') report('percentOff', c.required);
      else if (!PERCENT.test(s) || Number(s) <= 0 || Number(s) > 100) report('percentOff', c.percent);
    }
    if (offer.type === 'amount_off') {
      if (!isCurrency(offer.currency)) report('currency', c.currency);
      else check('amountOff', moneyText(() => offer.currency, { positive: true }));
    }
    if (offer.type !== 'trial_extension') check('durationCycles', wholeText(1, 1000, { optional: true }));
    if (offer.type === 'trial_extension') check('trialDays', wholeText(1, 730));
  });

const cycles = (v: OfferValues) => {
  const n = wholeOf(v.durationCycles);
  return n === undefined ? {} : { durationCycles: n };
};

/**
 * The offer to send. The amount is parsed from its text into integer minor
 * units of its currency (never through a float); a percentage is a number
 * of at most 4 decimals, not money.
 */
export function offerToApi(v: OfferValues): Schema<'OfferInput'> {
  switch (v.type) {
    case 'percent_off':
      return { type: 'percent_off', percentOff: Number(v.percentOff.trim()), ...cycles(v) };
    case 'amount_off':
      return { type: 'amount_off', amountOff: minorOf(v.amountOff, v.currency) ?? 0, currency: v.currency, ...cycles(v) };
    case 'trial_extension':
      return { type: 'trial_extension', trialDays: Number(v.trialDays.trim()) };
  }
}

/** A stored offer in its editor's terms: the amount back as the decimal text a person would type. */
export function offerFromApi(offer: Schema<'Offer'>): OfferValues {
  const values = emptyOffer();
  values.type = offer.type;
  if (offer.type === 'percent_off') values.percentOff = String(offer.percentOff);
  if (offer.type === 'amount_off') {
    values.currency = offer.currency;
    values.amountOff = minorToInput(offer.amountOff, offer.currency);
  }
  if (offer.type !== 'trial_extension' && offer.durationCycles !== undefined) values.durationCycles = String(offer.durationCycles);
  if (offer.type === 'trial_extension') values.trialDays = String(offer.trialDays);
  return values;
}

const o = t.campaigns.offer;

/** An offer in words: "25% off for 3 cycles", "€5.00 off forever", "14 extra trial days". */
export function describeOffer(offer: Schema<'Offer'>): string {
  if (offer.type === 'trial_extension') return o.trialText(offer.trialDays);
  const duration = offer.durationCycles === undefined ? o.forever : o.forCycles(offer.durationCycles);
  const what = offer.type === 'percent_off' ? o.percentText(String(offer.percentOff)) : o.amountText(formatMoney(offer.amountOff, offer.currency));
  return `${what} ${duration}`;
}
