import { prorate } from '../src/domain/proration';

const start = new Date('2025-04-01T00:00:00Z');
const end = new Date('2025-05-01T00:00:00Z'); // 30 days = 2,592,000 s

describe('a change of price is prorated to the second', () => {
  const cases: Array<[string, string, number, number, boolean, number, number]> = [
    ['halfway up from 10.00 to 20.00', '2025-04-16T00:00:00Z', 1000, 2000, true, -500, 1000],
    ['halfway down from 20.00 to 10.00', '2025-04-16T00:00:00Z', 2000, 1000, true, -1000, 500],
    ['at the very start: the whole period', '2025-04-01T00:00:00Z', 1000, 3000, true, -1000, 3000],
    ['at the very end: nothing', '2025-05-01T00:00:00Z', 1000, 3000, true, 0, 0],
    ['one second in', '2025-04-01T00:00:01Z', 2592000, 5184000, true, -2591999, 5183998],
    ['a third of the way, rounded half away from zero', '2025-04-11T00:00:00Z', 1000, 1999, true, -667, 1333],
    ['another interval: a credit and a full new period', '2025-04-16T00:00:00Z', 1000, 12000, false, -500, 12000],
  ];

  it.each(cases)('%s', (_name, at, oldAmount, newAmount, sameInterval, credit, charge) => {
    const p = prorate({ periodStart: start, periodEnd: end, at: new Date(at), oldAmount, newAmount, sameInterval });
    expect({ credit: p.credit, charge: p.charge }).toEqual({ credit, charge });
  });

  it('counts whole seconds, never milliseconds', () => {
    const p = prorate({ periodStart: start, periodEnd: end, at: new Date('2025-04-16T00:00:00.999Z'), oldAmount: 2592000, newAmount: 0, sameInterval: true });
    expect(p.remainingSeconds).toBe(1296000 - 1);
  });
});
