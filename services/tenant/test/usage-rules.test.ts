import { isActiveSubscription, monthOf } from '../src/domain/usage-rules';

test.each([
  ['2025-03-31T23:59:59.999Z', '2025-03'],
  ['2025-04-01T00:00:00Z', '2025-04'],
  // The month is UTC's, whatever the offset the instant was written with.
  ['2025-04-01T01:30:00+02:00', '2025-03'],
])('the month of %s is %s', (at, month) => expect(monthOf(at)).toBe(month));

test.each([
  ['trialing', true],
  ['active', true],
  ['past_due', true],
  ['incomplete', false],
  ['canceled', false],
  [undefined, false],
])('a subscription %s counts as active: %s', (status, active) => expect(isActiveSubscription(status)).toBe(active));
