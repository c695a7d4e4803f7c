import { discountOn, invoiceTotals, type Line } from '../src/domain/invoice-math';

const line = (amount: number, kind: Line['kind'] = 'subscription'): Line => ({ description: 'x', amount, quantity: 1, kind });

describe('invoice totals', () => {
  it('adds exclusive tax on top of what remains after the discount', () => {
    expect(invoiceTotals([line(1000)], 1000, { type: 'percent_off', percentOff: '10' }, { behavior: 'exclusive', ratePercent: '19' })).toEqual({
      subtotal: 1000,
      discount: 100,
      tax: 171,
      total: 1071,
    });
  });

  it('extracts inclusive tax from the total', () => {
    expect(invoiceTotals([line(1190)], 1190, undefined, { behavior: 'inclusive', ratePercent: '19' })).toEqual({
      subtotal: 1190,
      discount: 0,
      tax: 190,
      total: 1190,
    });
  });

  it('rounds tax once, half away from zero', () => {
    // 999 × 7.5% = 74.925 → 75
    expect(invoiceTotals([line(999)], 999, undefined, { behavior: 'exclusive', ratePercent: '7.5' }).tax).toBe(75);
    // 1000 × 19 / 119 = 159.66 → 160
    expect(invoiceTotals([line(1000)], 1000, undefined, { behavior: 'inclusive', ratePercent: '19' }).tax).toBe(160);
  });

  it('discounts only the recurring part, never the setup fee', () => {
    const totals = invoiceTotals([line(1000), line(500, 'setup_fee')], 1000, { type: 'percent_off', percentOff: '50' }, undefined);
    expect(totals).toEqual({ subtotal: 1500, discount: 500, tax: 0, total: 1000 });
  });

  it('never discounts more than the amount', () => {
    expect(discountOn(300, { type: 'amount_off', amountOff: 500 })).toBe(300);
    expect(discountOn(999, { type: 'percent_off', percentOff: '12.5' })).toBe(125);
  });

  it('has no tax without tax settings', () => {
    expect(invoiceTotals([line(1000)], 1000, undefined, undefined)).toEqual({ subtotal: 1000, discount: 0, tax: 0, total: 1000 });
  });
});
