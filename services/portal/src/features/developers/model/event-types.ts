import type { EnabledEvent, WebhookEventType } from '../api/types';

/**
 * The public event types of API.md "Webhooks", grouped by the resource they
 * are about (everything before the last dot: `checkout.session.completed` is
 * about a `checkout.session`). `ping` is left out of what an endpoint chooses:
 * "Send test event" reaches the endpoint whatever it listens to.
 */
export const EVENT_GROUPS = [
  { resource: 'customer', types: ['customer.created', 'customer.updated', 'customer.deleted'] },
  { resource: 'subscription', types: ['subscription.created', 'subscription.updated', 'subscription.canceled', 'subscription.trial_will_end'] },
  { resource: 'invoice', types: ['invoice.created', 'invoice.paid', 'invoice.payment_failed', 'invoice.voided'] },
  { resource: 'payment', types: ['payment.succeeded', 'payment.failed'] },
  { resource: 'refund', types: ['refund.created'] },
  { resource: 'checkout.session', types: ['checkout.session.completed'] },
  { resource: 'campaign', types: ['campaign.activated', 'campaign.paused', 'campaign.ended'] },
] as const satisfies ReadonlyArray<{ resource: string; types: readonly WebhookEventType[] }>;

export type EventGroup = (typeof EVENT_GROUPS)[number];
type ChosenType = EventGroup['types'][number];

/** `enabledEvents` of an endpoint that takes every type, those added later included. */
export const ALL_EVENTS = '*' satisfies EnabledEvent;

export const PING = 'ping' satisfies WebhookEventType;

/**
 * Checked by the compiler: every type of the API's enum is in a group (or is
 * the ping), so a type added to the API fails the portal's type check until
 * the picker has it.
 */
export const EVERY_TYPE_GROUPED: [Exclude<WebhookEventType, ChosenType | typeof PING>] extends [never] ? true : never = true;

/** Every type an endpoint may choose, in the order the picker shows them. */
export const EVENT_TYPES: readonly WebhookEventType[] = EVENT_GROUPS.flatMap((group) => group.types);

/** Every type the events list may be filtered by: the chosen ones and the test event. */
export const LISTED_TYPES: readonly WebhookEventType[] = [...EVENT_TYPES, PING];

/** `text` as an event type of the API, or undefined (a type in a URL may be anything). */
export const asEventType = (text: string | null | undefined): WebhookEventType | undefined => LISTED_TYPES.find((type) => type === text);

export const listensToAll = (enabledEvents: readonly string[]) => enabledEvents.includes(ALL_EVENTS);

const isChosenType = (type: string): type is WebhookEventType => (EVENT_TYPES as readonly string[]).includes(type);

/**
 * The types in the picker's order, each once; a type it has no checkbox for
 * (`ping`, put there through the API) kept at the end rather than dropped.
 */
export function normalizeTypes(types: readonly string[]): string[] {
  const chosen = new Set(types.filter((type) => type !== ALL_EVENTS));
  const known = EVENT_TYPES.filter((type) => chosen.has(type));
  const unknown = [...chosen].filter((type) => !isChosenType(type));
  return [...known, ...unknown];
}

/**
 * `enabledEvents` as the API is sent it: `['*']`, or the chosen types in the
 * picker's order. Only types of the API's enum can be in it (the form offers
 * no other; one the endpoint had that the API has since dropped is let go).
 */
export function enabledEventsOf(types: readonly string[]): EnabledEvent[] {
  if (listensToAll(types)) return [ALL_EVENTS];
  return normalizeTypes(types).filter((type): type is WebhookEventType => (LISTED_TYPES as readonly string[]).includes(type));
}

/** The chosen types with `type` turned on or off. */
export function withType(types: readonly string[], type: string, on: boolean): string[] {
  return normalizeTypes(on ? [...types, type] : types.filter((t) => t !== type));
}

/** The chosen types with every type of `group` turned on or off. */
export function withGroup(types: readonly string[], group: EventGroup, on: boolean): string[] {
  const of = new Set<string>(group.types);
  return normalizeTypes(on ? [...types, ...group.types] : types.filter((t) => !of.has(t)));
}

/** How much of a group is chosen: its checkbox is checked, mixed or clear. */
export function groupState(types: readonly string[], group: EventGroup): 'all' | 'some' | 'none' {
  const count = group.types.filter((type) => types.includes(type)).length;
  return count === 0 ? 'none' : count === group.types.length ? 'all' : 'some';
}

/** Types of `enabledEvents` the picker has no checkbox for (shown apart, so they are not lost). */
export const unknownTypes = (enabledEvents: readonly string[]) => enabledEvents.filter((type) => type !== ALL_EVENTS && !isChosenType(type));
