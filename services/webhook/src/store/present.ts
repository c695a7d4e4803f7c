import type { webhookV1 } from '@azotte/proto';
import type { AttemptRow, DeliveryRow, EndpointRow, EventRow } from './tables';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);

/** An endpoint as the service answers it; `secret` only from CreateEndpoint. */
export function presentEndpoint(row: EndpointRow, secret = ''): webhookV1.Endpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description ?? '',
    enabledEvents: [...row.enabled_events],
    status: row.status,
    disabledReason: row.disabled_reason ?? undefined,
    disabledAt: iso(row.disabled_at),
    secret,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function presentAttempt(row: AttemptRow): webhookV1.Attempt {
  return {
    at: iso(row.at),
    responseStatus: row.response_status ?? undefined,
    durationMs: row.duration_ms,
    error: row.error ?? undefined,
    responseBody: row.response_body,
  };
}

export function presentDelivery(row: DeliveryRow, attempts: AttemptRow[]): webhookV1.Delivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: attempts.map(presentAttempt),
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : undefined,
    createdAt: iso(row.created_at),
  };
}

export function presentEvent(row: EventRow): webhookV1.Event {
  return { id: row.id, type: row.type, createdAt: iso(row.created_at), body: row.body };
}
