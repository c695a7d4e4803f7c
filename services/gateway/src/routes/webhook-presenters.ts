import type { webhookV1 } from '@azotte/proto';

/** webhook.v1 messages as API.md's JSON: absent optionals are null. */

export const presentEndpoint = (e: webhookV1.Endpoint) => ({
  id: e.id,
  url: e.url,
  description: e.description || null,
  enabledEvents: e.enabledEvents,
  status: e.status as 'enabled' | 'disabled',
  disabledReason: e.disabledReason ?? null,
  disabledAt: e.disabledAt ?? null,
  createdAt: e.createdAt!,
  updatedAt: e.updatedAt!,
});

export const presentCreatedEndpoint = (e: webhookV1.Endpoint) => ({ ...presentEndpoint(e), secret: e.secret });

const presentAttempt = (a: webhookV1.Attempt) => ({
  at: a.at!,
  responseStatus: a.responseStatus ?? null,
  durationMs: a.durationMs,
  ...(a.error ? { error: a.error } : {}),
  responseBody: a.responseBody,
});

export const presentDelivery = (d: webhookV1.Delivery) => ({
  id: d.id,
  endpointId: d.endpointId,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status as 'pending' | 'succeeded' | 'failed',
  attempts: d.attempts.map(presentAttempt),
  nextAttemptAt: d.nextAttemptAt ?? null,
  createdAt: d.createdAt!,
});

/** The event exactly as its deliveries carry it: the service keeps its JSON as delivered. */
export const presentEvent = (e: webhookV1.Event) =>
  JSON.parse(e.body) as { id: string; type: string; createdAt: string; environment: { id: string; name: string }; data: { object: Record<string, unknown> } };
