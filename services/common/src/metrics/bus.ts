import { Counter, Histogram, type Registry } from 'prom-client';
import { ROUTING_KEY } from '../bus/event';

/**
 * The event type as a label: a routing key (`billing.invoice.paid.v1`, one of
 * the fixed set the services define) or `other` for anything else a queue may
 * hold, so a malformed message cannot add a series.
 */
export const eventTypeLabel = (type: string | undefined): string => (type && ROUTING_KEY.test(type) ? type : 'other');

/**
 * Counters and timings of the bus: what the relay published, what the consumer
 * took, failed and dead-lettered, and how long handling took. Named after
 * OpenTelemetry's messaging metrics where one exists; the label is the event type.
 */
export function busMetrics(registry: Registry) {
  const labelNames = ['messaging_destination_name'] as const;
  return {
    published: new Counter({
      name: 'messaging_client_sent_messages_total',
      help: 'Events the outbox relay published and the broker confirmed, by event type',
      labelNames,
      registers: [registry],
    }),
    returned: new Counter({
      name: 'azotte_outbox_returned_messages_total',
      help: 'Events the broker returned as unroutable (no queue bound yet); the outbox tries them again later',
      labelNames,
      registers: [registry],
    }),
    consumed: new Counter({
      name: 'messaging_client_consumed_messages_total',
      help: 'Events the consumer received, by event type (a redelivery counts again)',
      labelNames,
      registers: [registry],
    }),
    failed: new Counter({
      name: 'azotte_messaging_process_failures_total',
      help: 'Deliveries whose handler failed, by event type (retried, or dead-lettered on the last delivery)',
      labelNames,
      registers: [registry],
    }),
    deadLettered: new Counter({
      name: 'azotte_messaging_dead_lettered_messages_total',
      help: 'Events moved to the dead-letter queue, by event type and reason (unreadable, delivery_limit)',
      labelNames: ['messaging_destination_name', 'reason'] as const,
      registers: [registry],
    }),
    processDuration: new Histogram({
      name: 'messaging_process_duration_seconds',
      help: 'Time to handle one delivered event (inbox and handler in one transaction), by event type and outcome',
      labelNames: ['messaging_destination_name', 'outcome'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    consumeLag: new Histogram({
      name: 'azotte_messaging_consume_lag_seconds',
      help: "Time from an event's commit in its producer's outbox to the start of its handling, by event type (a redelivery counts again)",
      labelNames,
      buckets: LAG_BUCKETS_SECONDS,
      registers: [registry],
    }),
  };
}

/** 5 ms to 10 minutes: a healthy bus is in the first buckets, a backlog in the last. */
const LAG_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

export type BusMetrics = ReturnType<typeof busMetrics>;
