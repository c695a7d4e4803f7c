import { z } from 'zod';
import { t } from '../../../lib/i18n';

/**
 * Counts typed as text (cycles, days, weights, limits): whole numbers only,
 * checked before they are sent, never rounded from a fraction.
 */
export function wholeText(min: number, max: number, options: { optional?: boolean } = {}) {
  return z.string().superRefine((text, ctx) => {
    const s = text.trim();
    if (s === '') {
      if (!options.optional) ctx.addIssue({ code: 'custom', message: t.campaigns.check.required });
      return;
    }
    const n = /^\d+$/.test(s) ? Number(s) : NaN;
    if (!(n >= min && n <= max)) ctx.addIssue({ code: 'custom', message: t.campaigns.check.wholeNumber(min, max) });
  });
}

/** The number of a text `wholeText` accepted; undefined for an empty optional one. */
export const wholeOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));
