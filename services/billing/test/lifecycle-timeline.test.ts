import { FrozenClock } from '@azotte/common';
import { afterCharge, type ChargeMoment } from '../src/domain/lifecycle';
import { addDays, periodBoundary } from '../src/domain/periods';
import { dueActionOf, type SubscriptionStatus } from '../src/domain/statuses';

interface Scenario {
  trialDays: number;
  /** The outcome of each charge, in order; missing ones succeed. */
  charges: boolean[];
  cancelAtPeriodEnd?: boolean;
  /** How far to run the clock, in days. */
  days: number;
}

/**
 * Runs a subscription through the scheduler's rules on a fake clock, as the
 * scheduler would: at each due moment, the action its status calls for and
 * the transition `afterCharge` answers. Returns "day status" for every change.
 */
function timeline(s: Scenario): string[] {
  const start = new Date('2025-01-31T00:00:00Z');
  const clock = new FrozenClock(start);
  const charges = [...s.charges];
  const charge = () => charges.shift() ?? true;
  const day = () => Math.round((clock.now().getTime() - start.getTime()) / 86_400_000);
  const log: string[] = [];
  const anchor = s.trialDays > 0 ? addDays(start, s.trialDays) : start;
  let cycle = 0;
  let state = { status: 'trialing' as SubscriptionStatus, periodEnd: anchor, firstFailedAt: null as Date | null, retryCount: 0 };
  let next: Date | null = anchor;
  const apply = (moment: ChargeMoment, paid: boolean) => {
    const t = afterCharge(moment, paid, state, clock.now());
    state = { ...state, status: t.status, firstFailedAt: t.firstFailedAt, retryCount: t.retryCount };
    next = t.nextActionAt;
  };
  if (s.trialDays === 0) {
    state.periodEnd = periodBoundary(anchor, 'month', 1, 1);
    apply('first_invoice', charge());
  }
  log.push(`${day()} ${state.status}`);
  while (next && next.getTime() <= start.getTime() + s.days * 86_400_000) {
    clock.set(next);
    const before = state.status;
    switch (dueActionOf(state.status, s.cancelAtPeriodEnd ?? false)) {
      case 'convert_trial':
      case 'renew': {
        const converting = state.status === 'trialing';
        cycle = converting ? 0 : cycle + 1;
        state.periodEnd = periodBoundary(anchor, 'month', 1, cycle + 1);
        apply(converting ? 'trial_end' : 'renewal', charge());
        break;
      }
      case 'retry':
        apply('retry', charge());
        break;
      case 'expire':
        state.status = 'incomplete_expired';
        next = null;
        break;
      case 'cancel_at_period_end':
        state.status = 'canceled';
        next = null;
        break;
      default:
        next = null;
    }
    if (state.status !== before || state.status === 'active') log.push(`${day()} ${state.status}`);
  }
  return log;
}

describe('the subscription lifecycle on a fake clock', () => {
  const cases: Array<[string, Scenario, string[]]> = [
    ['paid at once, then renewed on the last day of February and back on the 31st', { trialDays: 0, charges: [], days: 60 }, ['0 active', '28 active', '59 active']],
    ['declined at once: incomplete, expired a day later', { trialDays: 0, charges: [false], days: 40 }, ['0 incomplete', '1 incomplete_expired']],
    ['a trial converted at its end', { trialDays: 14, charges: [], days: 20 }, ['0 trialing', '14 active']],
    ['a trial whose conversion fails, recovered at the second retry', { trialDays: 7, charges: [false, false, true], days: 20 }, ['0 trialing', '7 past_due', '12 active']],
    ['a renewal declined to the end: retries on days 3, 5 and 7, then canceled', { trialDays: 0, charges: [true, false, false, false, false], days: 60 }, ['0 active', '28 past_due', '35 canceled']],
    ['canceled at period end', { trialDays: 0, charges: [], cancelAtPeriodEnd: true, days: 60 }, ['0 active', '28 canceled']],
    ['a trial canceled at its end', { trialDays: 10, charges: [], cancelAtPeriodEnd: true, days: 60 }, ['0 trialing', '10 canceled']],
  ];

  it.each(cases)('%s', (_name, scenario, expected) => {
    expect(timeline(scenario)).toEqual(expected);
  });
});

describe('afterCharge', () => {
  const at = new Date('2025-03-01T00:00:00Z');
  const periodEnd = new Date('2025-04-01T00:00:00Z');
  const base = { periodEnd, firstFailedAt: null, retryCount: 0 };

  it.each([
    ['first_invoice', true, 'incomplete', 'active', 'activated'],
    ['first_invoice', false, 'incomplete', 'incomplete', null],
    ['trial_end', true, 'trialing', 'active', 'activated'],
    ['trial_end', false, 'trialing', 'past_due', 'past_due'],
    ['renewal', true, 'active', 'active', 'renewed'],
    ['renewal', false, 'active', 'past_due', 'past_due'],
    ['price_change', true, 'active', 'active', null],
    ['price_change', false, 'active', 'past_due', 'past_due'],
    ['retry', true, 'past_due', 'active', 'activated'],
  ] as const)('%s paid=%s from %s → %s (event %s)', (moment, paid, from, to, event) => {
    const t = afterCharge(moment, paid, { ...base, status: from }, at);
    expect([t.status, t.event]).toEqual([to, event]);
  });

  it('a past_due subscription is canceled after the third failed retry', () => {
    const first = new Date('2025-03-01T00:00:00Z');
    expect(afterCharge('retry', false, { ...base, status: 'past_due', firstFailedAt: first, retryCount: 2 }, addDays(first, 7))).toMatchObject({
      status: 'canceled',
      event: 'canceled',
      nextActionAt: null,
    });
  });
});
