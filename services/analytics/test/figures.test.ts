import { add, fromDecimal, ratio, round, toDecimal, toMinorUnits } from '../src/domain/exact';
import { classify } from '../src/domain/movements';
import { monthlyRecurring, type Snapshot } from '../src/domain/mrr';
import { bucketOfDay, bucketStarts, resolvePeriod } from '../src/queries/period';
import { convert } from '../src/queries/reporting';

const sub = (overrides: Partial<Snapshot>): Snapshot => ({
  id: 'sub_1',
  customerId: 'cus_1',
  status: 'active',
  amount: 1200,
  currency: 'EUR',
  interval: 'month',
  intervalCount: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('exact arithmetic', () => {
  it('rounds half away from zero, once', () => {
    expect(round(ratio(5, 2))).toBe(3n);
    expect(round(ratio(-5, 2))).toBe(-3n);
    expect(round(ratio(7, 3))).toBe(2n);
  });

  it('keeps thirds exact enough that a total landing on one half rounds up', () => {
    // Three subscriptions of 1/3 + 1/6: stored at 18 places, they sum to 1.4999…, which is really 1.5.
    const stored = [ratio(1, 3), ratio(1, 3), ratio(5, 6)].map((r) => fromDecimal(toDecimal(r)));
    expect(toMinorUnits(stored.reduce(add))).toBe(2);
  });
});

describe('MRR of one subscription (API.md)', () => {
  it.each([
    ['month', 1, 1200, '1200'],
    ['year', 1, 1200, '100'],
    ['week', 1, 1200, '5200'],
    ['day', 1, 12, '365'],
    ['month', 3, 1200, '400'],
  ])('%s × %d at %d is %s a month', (interval, intervalCount, amount, expected) => {
    expect(toDecimal(monthlyRecurring(sub({ interval, intervalCount, amount })), 0)).toBe(expected);
  });

  it('is 0 for trials and ended subscriptions, counts past_due', () => {
    for (const status of ['trialing', 'incomplete', 'incomplete_expired', 'canceled']) expect(monthlyRecurring(sub({ status })).n).toBe(0n);
    expect(toDecimal(monthlyRecurring(sub({ status: 'past_due' })), 0)).toBe('1200');
  });

  it('is net of a recurring discount only while it will still apply', () => {
    expect(toDecimal(monthlyRecurring(sub({ discount: { type: 'percent_off', percentOff: '12.5' } })), 0)).toBe('1050');
    expect(toDecimal(monthlyRecurring(sub({ discount: { type: 'amount_off', amountOff: 200, remainingCycles: 2 } })), 0)).toBe('1000');
    expect(toDecimal(monthlyRecurring(sub({ discount: { type: 'amount_off', amountOff: 200, remainingCycles: 0 } })), 0)).toBe('1200');
    expect(monthlyRecurring(sub({ discount: { type: 'amount_off', amountOff: 5000 } })).n).toBe(0n);
  });
});

describe('movement classification (ChartMogul)', () => {
  const eur = (n: number) => ({ mrr: ratio(n), currency: 'EUR' });
  const kinds = (r: ReturnType<typeof classify>) => r.movements.map((m) => [m.kind, toDecimal(m.amount, 0)]);

  it('a first subscription is new, a later one after leaving is reactivation', () => {
    expect(kinds(classify({ contributing: 0, everContributed: false }, undefined, eur(100)))).toEqual([['new', '100']]);
    expect(kinds(classify({ contributing: 0, everContributed: true }, undefined, eur(100)))).toEqual([['reactivation', '100']]);
  });

  it('a cancellation is churn only when nothing else brings MRR', () => {
    expect(kinds(classify({ contributing: 1, everContributed: true }, eur(100), eur(0)))).toEqual([['churn', '100']]);
    expect(kinds(classify({ contributing: 2, everContributed: true }, eur(100), eur(0)))).toEqual([['contraction', '100']]);
  });

  it('price rises and falls are expansion and contraction; no change is no movement', () => {
    expect(kinds(classify({ contributing: 1, everContributed: true }, eur(100), eur(150)))).toEqual([['expansion', '50']]);
    expect(kinds(classify({ contributing: 1, everContributed: true }, eur(100), eur(40)))).toEqual([['contraction', '60']]);
    expect(kinds(classify({ contributing: 1, everContributed: true }, eur(100), eur(100)))).toEqual([]);
  });

  it('a trial (0) converting is new; a second subscription of a paying customer is expansion', () => {
    expect(kinds(classify({ contributing: 0, everContributed: false }, eur(0), eur(100)))).toEqual([['new', '100']]);
    expect(kinds(classify({ contributing: 1, everContributed: true }, undefined, eur(30)))).toEqual([['expansion', '30']]);
  });
});

describe('periods', () => {
  const now = new Date('2026-05-15T12:00:00Z');

  it('defaults to the 30 days before the environment’s now', () => {
    const p = resolvePeriod({}, now);
    expect(p.to.toISOString()).toBe('2026-05-15T12:00:00.000Z');
    expect(p.from.toISOString()).toBe('2026-04-15T12:00:00.000Z');
  });

  it('cuts buckets at UTC day or month starts, the first at `from`', () => {
    const p = resolvePeriod({ from: '2026-01-30T10:00:00Z', to: '2026-03-02T00:00:00Z', interval: 'month' }, now);
    expect(bucketStarts(p).map((d) => d.toISOString())).toEqual(['2026-01-30T10:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
    expect(bucketOfDay(bucketStarts(p), '2026-02-27')).toBe(1);
  });

  it('refuses more than 1,000 buckets, naming interval', () => {
    expect(() => resolvePeriod({ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', interval: 'day' }, now)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ path: 'interval' })] }),
    );
  });
});

describe('conversion into the reporting currency', () => {
  it('applies the rate across minor-unit exponents and keeps what has no rate apart', () => {
    const amounts = new Map([
      ['EUR', ratio(100)],
      ['USD', ratio(1000)],
      ['JPY', ratio(1000)],
      ['GBP', ratio(50)],
    ]);
    const { total, unconverted } = convert({ currency: 'EUR', rates: { USD: '0.92', JPY: '0.0061' } }, amounts);
    // 100 + 1000 × 0.92 + 1000 JPY (no minor unit) × 0.0061 × 100 = 100 + 920 + 610
    expect(toMinorUnits(total)).toBe(1630);
    expect([...unconverted.keys()]).toEqual(['GBP']);
  });
});
