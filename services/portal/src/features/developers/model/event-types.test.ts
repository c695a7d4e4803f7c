import { describe, expect, it } from 'vitest';
import { asEventType, enabledEventsOf, EVENT_GROUPS, EVENT_TYPES, groupState, listensToAll, normalizeTypes, unknownTypes, withGroup, withType } from './event-types';

const invoice = EVENT_GROUPS.find((group) => group.resource === 'invoice')!;

describe('the public event types', () => {
  it('are grouped by the resource before the last dot, and leave ping to the test button', () => {
    for (const group of EVENT_GROUPS) {
      for (const type of group.types) expect(type.slice(0, type.lastIndexOf('.'))).toBe(group.resource);
    }
    expect(EVENT_TYPES).toContain('checkout.session.completed');
    expect(EVENT_TYPES).not.toContain('ping');
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
  });
});

describe('choosing event types', () => {
  it('keeps each type once, in the picker’s order, whatever order they were ticked in', () => {
    expect(normalizeTypes(['invoice.paid', 'customer.created', 'invoice.paid'])).toEqual(['customer.created', 'invoice.paid']);
  });

  it('keeps a type the portal does not know at the end instead of dropping it', () => {
    expect(normalizeTypes(['payout.created', 'customer.created'])).toEqual(['customer.created', 'payout.created']);
    expect(unknownTypes(['payout.created', 'customer.created', '*'])).toEqual(['payout.created']);
  });

  it('turns one type on and off', () => {
    expect(withType(['customer.created'], 'refund.created', true)).toEqual(['customer.created', 'refund.created']);
    expect(withType(['customer.created', 'refund.created'], 'customer.created', false)).toEqual(['refund.created']);
  });

  it('takes or leaves a whole group, and says how much of it is chosen', () => {
    expect(groupState([], invoice)).toBe('none');
    expect(groupState(['invoice.paid'], invoice)).toBe('some');
    const all = withGroup(['customer.created', 'invoice.paid'], invoice, true);
    expect(all).toEqual(['customer.created', 'invoice.created', 'invoice.paid', 'invoice.payment_failed', 'invoice.voided']);
    expect(groupState(all, invoice)).toBe('all');
    expect(withGroup(all, invoice, false)).toEqual(['customer.created']);
  });

  it('reads ["*"] as every event', () => {
    expect(listensToAll(['*'])).toBe(true);
    expect(listensToAll(['customer.created'])).toBe(false);
  });

  it('sends ["*"] alone for every event, or the chosen types of the API’s enum', () => {
    expect(enabledEventsOf(['*', 'customer.created'])).toEqual(['*']);
    expect(enabledEventsOf(['ping', 'refund.created', 'customer.created'])).toEqual(['customer.created', 'refund.created', 'ping']);
    expect(enabledEventsOf(['payout.created', 'refund.created'])).toEqual(['refund.created']);
  });

  it('takes a type from the page’s address only when the API has it', () => {
    expect(asEventType('customer.created')).toBe('customer.created');
    expect(asEventType('ping')).toBe('ping');
    expect(asEventType('customer.exploded')).toBeUndefined();
    expect(asEventType(null)).toBeUndefined();
  });
});
