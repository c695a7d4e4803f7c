import { ACTIONS, nextStatus, STATUSES, transition, type Action, type Status } from '../src/domain/lifecycle';

// Every status × action: the status it leads to, or undefined when refused (409 invalid_transition).
const TABLE: Array<[Status, Action, Status | undefined]> = [
  ['draft', 'activate', 'active'],
  ['draft', 'pause', undefined],
  ['draft', 'end', 'ended'],
  ['active', 'activate', undefined],
  ['active', 'pause', 'paused'],
  ['active', 'end', 'ended'],
  ['paused', 'activate', 'active'],
  ['paused', 'pause', undefined],
  ['paused', 'end', 'ended'],
  ['ended', 'activate', undefined],
  ['ended', 'pause', undefined],
  ['ended', 'end', undefined],
];

it('the table covers every status and action', () => {
  expect(TABLE.length).toBe(STATUSES.length * ACTIONS.length);
});

test.each(TABLE)('%s --%s--> %s', (from, action, to) => {
  expect(transition(from, action)).toBe(to);
  if (to) expect(nextStatus(from, action)).toBe(to);
  else expect(() => nextStatus(from, action)).toThrow(expect.objectContaining({ kind: 'conflict', code: 'invalid_transition' }));
});
