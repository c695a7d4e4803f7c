import { discountOn, invoiceTotals, type DiscountTerms, type TaxSettings, type Totals } from '@azotte/common';

/** The totals' arithmetic is common's (one copy, shared with the hosted checkout's "due today"). */
export { discountOn, invoiceTotals, type DiscountTerms, type TaxSettings, type Totals };

export interface Line {
  description: string;
  amount: number;
  quantity: number;
  periodStart?: string;
  periodEnd?: string;
  kind: 'subscription' | 'setup_fee' | 'proration' | 'credit' | 'discount' | 'tax';
}

