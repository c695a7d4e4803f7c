import { isCurrency, mulDivRound, parseDecimal } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import { at, type Problems } from './problems';

/**
 * An offer, as stored and reasoned about. Exactly the fields of its type:
 * - percent_off: a decimal string, 0 < x ≤ 100, at most 4 decimals ("12.5");
 * - amount_off: whole minor units of `currency`, > 0;
 * - trial_extension: extra trial days, 1..730.
 * `durationCycles` (discounts only) is the number of billing cycles the
 * discount lasts; absent means forever.
 */
export type Offer =
  | { type: 'percent_off'; percentOff: string; durationCycles?: number }
  | { type: 'amount_off'; amountOff: number; currency: string; durationCycles?: number }
  | { type: 'trial_extension'; trialDays: number };

export const OFFER_TYPES = ['percent_off', 'amount_off', 'trial_extension'] as const;
export const MAX_AMOUNT_OFF = 999_999_999;
export const MAX_TRIAL_DAYS = 730;
export const MAX_DURATION_CYCLES = 1_000;
const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;

/** A discount (percent_off, amount_off) takes the one discount slot of a checkout; a trial extension the other. */
export const isDiscount = (offer: Offer): boolean => offer.type !== 'trial_extension';

/** "012.50" → "12.5": one spelling per value, so equal offers compare equal. */
function canonicalPercent(text: string): string {
  const [whole = '0', fraction = ''] = text.split('.');
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = fraction.replace(/0+$/, '');
  return f ? `${w}.${f}` : w;
}

const wholeIn = (value: number | undefined, min: number, max: number) =>
  value !== undefined && Number.isInteger(value) && value >= min && value <= max;

/**
 * Checks an offer from the wire, reporting each problem under `path`
 * (`offer`, `variants.0.offer`). Returns the offer when it is valid.
 */
export function validateOffer(input: campaignV1.Offer | undefined, path: string, problems: Problems): Offer | undefined {
  if (!input) {
    problems.add(path, 'is required');
    return undefined;
  }
  const before = problems.list.length;
  const unused = (field: keyof campaignV1.Offer, type: string) => {
    if (input[field] !== undefined) problems.add(at(path, field), `is not used by ${type} offers`);
  };
  const duration = () => {
    if (input.durationCycles !== undefined && !wholeIn(input.durationCycles, 1, MAX_DURATION_CYCLES)) {
      problems.add(at(path, 'durationCycles'), `must be a whole number of billing cycles from 1 to ${MAX_DURATION_CYCLES} (absent = forever)`);
    }
  };

  switch (input.type) {
    case 'percent_off': {
      const text = input.percentOff?.trim();
      if (text === undefined || text === '') problems.add(at(path, 'percentOff'), 'is required for a percent_off offer');
      else if (!PERCENT.test(text)) problems.add(at(path, 'percentOff'), 'must be a number above 0 and at most 100, with at most 4 decimals');
      else {
        const { numerator, denominator } = parseDecimal(text);
        if (numerator <= 0n || numerator > 100n * denominator) problems.add(at(path, 'percentOff'), 'must be above 0 and at most 100');
      }
      duration();
      unused('amountOff', 'percent_off');
      unused('currency', 'percent_off');
      unused('trialDays', 'percent_off');
      if (problems.list.length > before) return undefined;
      return { type: 'percent_off', percentOff: canonicalPercent(text!), ...cycles(input) };
    }
    case 'amount_off': {
      if (input.amountOff === undefined) problems.add(at(path, 'amountOff'), 'is required for an amount_off offer');
      else if (!wholeIn(input.amountOff, 1, MAX_AMOUNT_OFF)) {
        problems.add(at(path, 'amountOff'), `must be a whole number of minor units from 1 to ${MAX_AMOUNT_OFF}`);
      }
      if (input.currency === undefined || input.currency === '') problems.add(at(path, 'currency'), 'is required for an amount_off offer');
      else if (!isCurrency(input.currency)) problems.add(at(path, 'currency'), 'must be an upper-case ISO 4217 currency code');
      duration();
      unused('percentOff', 'amount_off');
      unused('trialDays', 'amount_off');
      if (problems.list.length > before) return undefined;
      return { type: 'amount_off', amountOff: input.amountOff!, currency: input.currency!, ...cycles(input) };
    }
    case 'trial_extension': {
      if (input.trialDays === undefined) problems.add(at(path, 'trialDays'), 'is required for a trial_extension offer');
      else if (!wholeIn(input.trialDays, 1, MAX_TRIAL_DAYS)) problems.add(at(path, 'trialDays'), `must be a whole number of days from 1 to ${MAX_TRIAL_DAYS}`);
      unused('percentOff', 'trial_extension');
      unused('amountOff', 'trial_extension');
      unused('currency', 'trial_extension');
      unused('durationCycles', 'trial_extension');
      if (problems.list.length > before) return undefined;
      return { type: 'trial_extension', trialDays: input.trialDays! };
    }
    default:
      problems.add(at(path, 'type'), `must be one of ${OFFER_TYPES.join(', ')}`);
      return undefined;
  }
}

const cycles = (input: campaignV1.Offer) => (input.durationCycles === undefined ? {} : { durationCycles: input.durationCycles });

/**
 * What the offer takes off one period of `amount` (minor units of
 * `currency`): the figure discounts are compared by. A percentage is rounded
 * once, half away from zero; an amount never takes off more than there is;
 * an amount in another currency, or a trial extension, takes off nothing.
 */
export function discountOn(offer: Offer, amount: number, currency: string): number {
  switch (offer.type) {
    case 'percent_off': {
      const { numerator, denominator } = parseDecimal(offer.percentOff);
      return mulDivRound(amount, numerator, denominator * 100n);
    }
    case 'amount_off':
      return offer.currency === currency ? Math.min(offer.amountOff, amount) : 0;
    default:
      return 0;
  }
}

export function toProtoOffer(offer: Offer): campaignV1.Offer {
  switch (offer.type) {
    case 'percent_off':
      return { type: offer.type, percentOff: offer.percentOff, durationCycles: offer.durationCycles };
    case 'amount_off':
      return { type: offer.type, amountOff: offer.amountOff, currency: offer.currency, durationCycles: offer.durationCycles };
    case 'trial_extension':
      return { type: offer.type, trialDays: offer.trialDays };
  }
}
