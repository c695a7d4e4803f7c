import { describe, expect, it } from 'vitest';
import { setupSteps, statusOf } from './steps';

describe('Getting started', () => {
  it('lists the five steps in order, each with the page where it is done', () => {
    const steps = setupSteps({ setup: 'done', bundle: 'done', pricing: 'todo', payments: 'done', live: 'todo' });
    expect(steps.map((s) => [s.key, s.to, s.status])).toEqual([
      ['setup', '/storefronts/new', 'done'],
      ['bundle', '/catalog/bundles/new', 'done'],
      ['pricing', '/catalog', 'todo'],
      ['payments', '/settings/payment-providers', 'done'],
      ['live', '/subscriptions/new', 'todo'],
    ]);
  });

  it('marks a step done only when the API shows it', () => {
    const nonEmpty = (page: { data: unknown[] }) => page.data.length > 0;
    expect(statusOf({ isPending: false, isError: false, data: { data: [{}] } }, true, nonEmpty)).toBe('done');
    expect(statusOf({ isPending: false, isError: false, data: { data: [] } }, true, nonEmpty)).toBe('todo');
    expect(statusOf({ isPending: true, isError: false, data: undefined }, true, nonEmpty)).toBe('checking');
    // A failed check, or one the role may not make, is not known — never "done".
    expect(statusOf({ isPending: false, isError: true, data: undefined }, true, nonEmpty)).toBe('unknown');
    expect(statusOf({ isPending: true, isError: false, data: undefined }, false, nonEmpty)).toBe('unknown');
  });
});
