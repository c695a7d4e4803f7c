import { context, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { eventTypeLabel, type BusMetrics } from '../metrics/bus';
import { secondsSince } from '../metrics/registry';
import { runWithContext, SYSTEM_ACTOR, type Actor } from '../context/scope';
import { contextFromHeaders } from '../telemetry/propagation';
import type { BusConnection } from './connection';
import { deadLetterOptions, sendConfirmed, type Failure } from './dead-letter';
import { HEADERS, type BusEvent } from './event';
import { INBOX_TABLE } from './inbox';
import { assertServiceQueue, queueNames, type QueueNames } from './topology';

/** Applies one event inside the transaction that also records it in the inbox. */
export type EventHandler = (event: BusEvent, trx: Knex.Transaction) => Promise<void>;

export interface ConsumerOptions {
  bus: BusConnection;
  knex: Knex;
  exchange: string;
  /** The consuming service; its queue is `<prefix><service>.events`. */
  service: string;
  queuePrefix?: string;
  /** Routing-key patterns to bind, e.g. `billing.subscription.*.v1` or `#`. */
  patterns: string[];
  handler: EventHandler;
  logger: Logger;
  /** Messages delivered and not yet acknowledged (default 100): what a batch can hold. */
  prefetch?: number;
  /**
   * Redeliveries a failing message gets: it is handled at most
   * `maxDeliveries + 1` times, then goes to the dead-letter queue.
   */
  maxDeliveries?: number;
  /** Counts what was consumed, failed and dead-lettered, by event type, and times the handling. */
  metrics?: BusMetrics;
  /**
   * Transactions applying messages at once (default 1). Messages that arrive while all are busy
   * wait, and the next free one applies them together. One is as fast here (the batch, not the
   * overlap, saves the commits) and two batches can never deadlock on each other's rows, as
   * analytics' would on a tenant's running totals.
   */
  concurrency?: number;
}

/** The redeliveries a service's consumer allows unless told otherwise. */
export const DEFAULT_MAX_DELIVERIES = 5;

const tracer = trace.getTracer('azotte-bus');

/** Builds a handler that dispatches on the routing key and ignores the rest. */
export function routeEvents(routes: Record<string, EventHandler>): EventHandler {
  return async (event, trx) => {
    const handle = routes[event.type];
    if (handle) await handle(event, trx);
  };
}

/**
 * Consumes a service's queue with manual acks. Each event is applied in one
 * transaction together with its inbox row, so a redelivered event is a no-op;
 * a failure is retried by the broker up to `maxDeliveries`, then dead-lettered.
 * The messages of a prefetch that are waiting together are applied in one
 * transaction (one inbox insert, one commit) and acknowledged after its commit;
 * should any of them fail, that transaction is rolled back and each is applied
 * again alone, so a message that fails is retried alone.
 * The consumer dead-letters the last failure itself, with the handler's error
 * in the `x-azotte-*` headers (FAILURE_HEADERS); should that copy fail, the
 * broker's delivery limit dead-letters the message without them.
 */
export class EventConsumer {
  private channel: ConfirmChannel | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** Delivered, not yet being applied, with the channel each came on. */
  private waiting: Array<{ channel: ConfirmChannel; msg: ConsumeMessage }> = [];
  private flushScheduled = false;
  readonly names: QueueNames;

  constructor(private readonly options: ConsumerOptions) {
    this.names = queueNames(options.service, options.queuePrefix);
  }

  async start(): Promise<void> {
    const { bus, exchange, patterns, prefetch = 100, maxDeliveries = DEFAULT_MAX_DELIVERIES, logger } = this.options;
    await bus.use(async (conn) => {
      // A confirm channel, so that a dead-lettered copy is known to be stored before the original is acked.
      const channel = await conn.createConfirmChannel();
      channel.on('error', (err) => logger.warn({ err }, 'consumer channel error'));
      await assertServiceQueue(channel, exchange, this.names, patterns, maxDeliveries);
      await channel.prefetch(prefetch);
      await channel.consume(this.names.queue, (msg) => {
        if (!msg) return; // cancelled by the broker; the connection's reconnection re-subscribes
        this.waiting.push({ channel, msg });
        this.scheduleFlush();
      });
      this.channel = channel;
    });
  }

  /** Once the messages delivered in this turn of the event loop are in, applies them. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Starts a transaction for what is waiting, if one is free; each finished one looks again. */
  private flush(): void {
    const { concurrency = 1 } = this.options;
    while (this.waiting.length > 0 && this.inFlight.size < concurrency) {
      // One channel per batch: a reconnection may leave messages of the old channel waiting.
      const channel = this.waiting[0]!.channel;
      const batch = this.waiting.filter((w) => w.channel === channel).map((w) => w.msg);
      this.waiting = this.waiting.filter((w) => w.channel !== channel);
      const work = (batch.length === 1 ? this.process(channel, batch[0]!) : this.processBatch(channel, batch))
        .catch((err) => this.options.logger.error({ err }, 'consumer batch failed unexpectedly'))
        .finally(() => {
          this.inFlight.delete(work);
          this.flush();
        });
      this.inFlight.add(work);
    }
  }

  /**
   * Applies several messages in one transaction. Anything but a clean commit of all of them
   * (an unreadable one, a handler's error, a lost connection) leaves none applied and sends
   * each through `process` alone, where its own failure is handled as it always was.
   */
  private async processBatch(channel: ConfirmChannel, msgs: ConsumeMessage[]): Promise<void> {
    const decoded = msgs.map(decode);
    if (decoded.some((event) => !event)) {
      await Promise.all(msgs.map((msg) => this.process(channel, msg)));
      return;
    }
    const started = process.hrtime.bigint();
    const runs = msgs.map((msg, i) => ({ msg, ...this.startRun(msg, decoded[i]!) }));
    try {
      await this.options.knex.transaction((trx) => this.applyAll(trx, runs));
    } catch {
      for (const { span } of runs) span.end();
      // Each alone: the one that failed is retried, dead-lettered and counted as it would be alone.
      await Promise.all(msgs.map((msg) => this.process(channel, msg)));
      return;
    }
    const took = secondsSince(started);
    for (const { msg, event, span } of runs) {
      const type = eventTypeLabel(event.type);
      this.options.metrics?.consumed.inc({ messaging_destination_name: type });
      this.observeLag(type, event);
      this.options.metrics?.processDuration.observe({ messaging_destination_name: type, outcome: 'success' }, took);
      span.end();
      try {
        channel.ack(msg);
      } catch {
        // The channel is gone: the broker redelivers, and the inbox makes the redelivery a no-op.
      }
    }
  }

  private async process(channel: ConfirmChannel, msg: ConsumeMessage): Promise<void> {
    const { logger, maxDeliveries = DEFAULT_MAX_DELIVERIES, metrics } = this.options;
    const deliveries = Number(msg.properties.headers?.['x-delivery-count'] ?? 0) + 1;
    const event = decode(msg);
    const type = eventTypeLabel(event?.type ?? msg.fields.routingKey);
    metrics?.consumed.inc({ messaging_destination_name: type });
    const started = process.hrtime.bigint();
    const took = () => secondsSince(started);
    if (!event) {
      logger.error({ messageId: msg.properties.messageId, routingKey: msg.fields.routingKey }, 'unreadable event dead-lettered');
      const error = msg.properties.messageId ? 'the body is not a JSON object' : 'the message has no messageId (its event id)';
      await this.deadLetter(channel, msg, { reason: 'unreadable', error, deliveries, queue: this.names.queue });
      return;
    }
    this.observeLag(type, event);
    const run = this.startRun(msg, event);
    const { span } = run;
    try {
      // The inbox insert too runs in the event's trace and scope.
      await this.inRun(run, () => this.options.knex.transaction((trx) => this.applyAll(trx, [run])));
      channel.ack(msg);
      metrics?.processDuration.observe({ messaging_destination_name: type, outcome: 'success' }, took());
    } catch (err) {
      metrics?.processDuration.observe({ messaging_destination_name: type, outcome: 'failure' }, took());
      metrics?.failed.inc({ messaging_destination_name: type });
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      if (deliveries > maxDeliveries) {
        // The broker would dead-letter it on this return; doing it here keeps the error that did it.
        logger.error({ err, eventId: event.id, type: event.type, deliveries }, 'event handler failed on its last delivery; dead-lettered');
        await this.deadLetter(channel, msg, { reason: 'delivery_limit', error: err, deliveries, queue: this.names.queue });
        return;
      }
      logger.warn({ err, eventId: event.id, type: event.type, deliveries }, 'event handler failed; returning it to the queue');
      // A short pause keeps a failing event from spinning while, say, the database restarts.
      await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** deliveries, 2_000)));
      try {
        channel.nack(msg, false, true);
      } catch {
        // The channel is gone; the broker redelivers the unacked message anyway.
      }
    } finally {
      span.end();
    }
  }

  /**
   * Moves a message to the dead-letter queue with its failure recorded: the
   * copy is confirmed before the original is acked, so a crash in between
   * leaves a duplicate (which the inbox absorbs on replay), never a loss.
   */
  private async deadLetter(channel: ConfirmChannel, msg: ConsumeMessage, failure: Failure): Promise<void> {
    // Counted either way: should the copy fail, the broker's delivery limit dead-letters the message.
    this.options.metrics?.deadLettered.inc({
      messaging_destination_name: eventTypeLabel((msg.properties.type as string | undefined) ?? msg.fields.routingKey),
      reason: failure.reason,
    });
    try {
      await sendConfirmed(channel, this.names.deadLetter, msg.content, deadLetterOptions(msg, failure));
      channel.ack(msg);
    } catch (err) {
      this.options.logger.warn({ err, messageId: msg.properties.messageId }, 'could not record the failure; leaving the dead-lettering to the broker');
      try {
        channel.nack(msg, false, false);
      } catch {
        // The channel is gone; the broker redelivers the message and its delivery limit applies.
      }
    }
  }

  /**
   * Records the events in the inbox (one statement) and applies, in order, those it did not hold
   * yet: one seen before, or twice in the run, has its effect committed already, or is applied once.
   */
  private async applyAll(trx: Knex.Transaction, runs: Run[]): Promise<void> {
    const inserted: Array<{ event_id: string }> = await trx(INBOX_TABLE)
      .insert(runs.map(({ event }) => ({ event_id: event.id, routing_key: event.type })))
      .onConflict('event_id')
      .ignore()
      .returning('event_id');
    const fresh = new Set(inserted.map((r) => r.event_id));
    for (const run of runs) {
      if (fresh.delete(run.event.id)) await this.inRun(run, () => this.options.handler(run.event, trx));
    }
  }

  /** The consumer span of one event, a child of the span that published it. */
  private startRun(msg: ConsumeMessage, event: BusEvent): Run {
    const parent = contextFromHeaders(msg.properties.headers);
    const span = tracer.startSpan(`${event.type} process`, { kind: SpanKind.CONSUMER, attributes: spanAttributes(event) }, parent);
    return { event, parent, span };
  }

  /** Runs `work` in the event's span, as its actor, in its tenant and environment. */
  private inRun<T>({ event, parent, span }: Run, work: () => Promise<T>): Promise<T> {
    return context.with(trace.setSpan(parent, span), () => runWithContext({ actor: actorOf(event), tenantId: event.tenantId, scope: scopeOf(event) }, work));
  }

  /** From the outbox row's commit (the relay's x-occurred-at), never negative when clocks disagree a little. */
  private observeLag(type: string, event: BusEvent): void {
    const occurred = Date.parse(event.occurredAt);
    if (Number.isFinite(occurred)) this.options.metrics?.consumeLag.observe({ messaging_destination_name: type }, Math.max(0, Date.now() - occurred) / 1000);
  }

  /** Stops taking messages and waits for those being handled (and those delivered and waiting). */
  async stop(): Promise<void> {
    const channel = this.channel;
    this.channel = undefined;
    while (this.inFlight.size > 0 || this.waiting.length > 0) {
      this.flush();
      await Promise.allSettled([...this.inFlight]);
    }
    await channel?.close().catch(() => undefined);
  }
}

/** One event being applied: its consumer span and the context it was published in. */
interface Run {
  event: BusEvent;
  parent: Context;
  span: Span;
}

const spanAttributes = (event: BusEvent) => ({
  'messaging.system': 'rabbitmq',
  'messaging.message.id': event.id,
  'messaging.destination.name': event.type,
});

/** Who the handler acts as: the event's actor, as the system. */
const actorOf = (event: BusEvent): Actor => (event.actor ? { ...event.actor, role: 'system' } : SYSTEM_ACTOR);

const scopeOf = (event: BusEvent) =>
  event.tenantId && event.environmentId && event.environmentKind
    ? { tenantId: event.tenantId, environmentId: event.environmentId, environmentKind: event.environmentKind }
    : undefined;

function header(msg: ConsumeMessage, name: string): string | undefined {
  const value = msg.properties.headers?.[name];
  if (typeof value === 'string' && value !== '') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return undefined;
}

function decode(msg: ConsumeMessage): BusEvent | undefined {
  const id = msg.properties.messageId as string | undefined;
  if (!id) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(msg.content.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || payload === null) return undefined;
  const actorType = header(msg, HEADERS.actorType);
  const actorId = header(msg, HEADERS.actorId);
  return {
    id,
    type: (msg.properties.type as string | undefined) ?? msg.fields.routingKey,
    source: (msg.properties.appId as string | undefined) ?? 'unknown',
    occurredAt:
      header(msg, HEADERS.occurredAt) ??
      new Date(((msg.properties.timestamp as number | undefined) ?? Date.now() / 1000) * 1000).toISOString(),
    tenantId: header(msg, HEADERS.tenantId),
    environmentId: header(msg, HEADERS.environmentId),
    environmentKind: header(msg, HEADERS.environmentKind) as BusEvent['environmentKind'],
    actor: actorType && actorId ? { type: actorType as Actor['type'], id: actorId } : undefined,
    payload: payload as Record<string, unknown>,
  };
}
