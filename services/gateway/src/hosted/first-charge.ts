import { invoiceTotals, type DiscountTerms, type TaxSettings } from '@azotte/common';

export interface Offer {
  amount: number;
  setupFee: number;
  trialDays: number;
}

/**
 * What a new subscription's first invoice charges, as billing composes it
 * (create-subscription.ts: one period plus the setup fee, the discount on the
 * period): nothing when a trial starts. Shown on the checkout before the
 * customer pays; the invoice itself is billing's.
 */
export function firstCharge(offer: Offer, discount: DiscountTerms | undefined, tax: TaxSettings | undefined, extraTrialDays = 0): number {
  if (offer.trialDays + extraTrialDays > 0) return 0;
  return invoiceTotals([{ amount: offer.amount }, { amount: offer.setupFee }], offer.amount, discount, tax).total;
}
