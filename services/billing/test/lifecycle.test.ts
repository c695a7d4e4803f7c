import { FrozenClock } from '@azotte/common';
import { dueActionOf, nextRetryAt, type SubscriptionStatus } from '../src/domain/statuses';

describe('the subscription lifecycle', () => {
  const cases: Array<[SubscriptionStatus, boolean, string | undefined]> = [
    ['active', false, 'renew'],
    ['active', true, 'cancel_at_period_end'],
    ['trialing', false, 'convert_trial'],
    ['trialing', true, 'cancel_at_period_end'],
    ['past_due', false, 'retry'],
    ['incomplete', false, 'expire'],
    ['canceled', false, undefined],
    ['incomplete_expired', false, undefined],
  ];
  it.each(cases)('a due %s subscription (cancel at period end: %s) is handled by %s', (status, cancelAtPeriodEnd, action) => {
    expect(dueActionOf(status, cancelAtPeriodEnd)).toBe(action);
  });

  it('retries 3, 5 and 7 days after the first failure, then gives up', () => {
    const clock = new FrozenClock('2025-03-01T00:00:00Z');
    const firstFailure = clock.now();
    const schedule: string[] = [];
    for (let done = 0; ; done++) {
      const next = nextRetryAt(firstFailure, done);
      if (!next) break;
      clock.set(next);
      schedule.push(clock.now().toISOString());
    }
    expect(schedule).toEqual(['2025-03-04T00:00:00.000Z', '2025-03-06T00:00:00.000Z', '2025-03-08T00:00:00.000Z']);
  });
});
