import { SpanKind, trace, type Span } from '@opentelemetry/api';
import type { Knex } from 'knex';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { eventTypeLabel, type BusMetrics } from '../metrics/bus';
import { contextFromHeaders, traceHeaders } from '../telemetry/propagation';
import { HEADERS } from './event';
import { OUTBOX_TABLE, outboxChannel } from './outbox';
import type { OutgoingMessage, Publisher } from './publisher';

export interface RelayOptions {
  knex: Knex;
  /** A URL for the dedicated LISTEN connection (the pool's connections come and go). */
  databaseUrl: string;
  schema: string;
  publisher: Publisher;
  /** The producing service: the `appId` of every message. */
  source: string;
  logger: Logger;
  batchSize?: number;
  /** Sweeps for unsent rows this often even without a notification (a lost NOTIFY, a crash). */
  pollMs?: number;
  /** Sent rows are kept this long for inspection, then deleted. */
  retentionMs?: number;
  /** Counts what was published and what the broker returned, by event type. */
  metrics?: BusMetrics;
  /**
   * Batches in flight at once (default 4, never more than the pool's connections less one):
   * each holds its rows locked, and a connection, until the broker has confirmed them.
   */
  inFlightBatches?: number;
}

interface OutboxRow {
  id: string;
  routing_key: string;
  tenant_id: string | null;
  environment_id: string | null;
  headers: Record<string, string>;
  payload: unknown;
  created_at: Date;
}

const tracer = trace.getTracer('azotte-bus');

/**
 * Publishes the outbox. Rows are taken in commit order with FOR UPDATE SKIP
 * LOCKED, so relays of several replicas share the work without sending a row
 * twice; a row is marked sent only after the broker confirmed it, so a crash
 * at any point leaves it to be sent again (consumers deduplicate by event id).
 *
 * Confirms are pipelined: while one batch waits for the broker, the next is
 * claimed and published. Claims take turns, and each batch is handed to the
 * channel before the next claim starts, so one relay still publishes in commit
 * order; only the waits for confirms and the updates overlap.
 */
export class OutboxRelay {
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private lastPurge = 0;

  constructor(private readonly options: RelayOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen().catch((err) => this.options.logger.warn({ err }, 'outbox LISTEN failed; polling only'));
    const poll = () => {
      this.timer = setTimeout(() => {
        this.kick();
        poll();
      }, this.options.pollMs ?? 2_000);
      this.timer.unref();
    };
    poll();
    this.kick(); // whatever a previous run left unsent
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl });
    client.on('notification', () => this.kick());
    client.on('error', (err) => {
      this.options.logger.warn({ err }, 'outbox LISTEN connection lost');
      this.listener = undefined;
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
    this.listener = client;
  }

  /** Asks for a pass; passes never overlap, and a kick during one causes another. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((err) => this.options.logger.warn({ err }, 'outbox relay pass failed; will retry'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /**
   * Publishes until nothing is left; returns how many rows were sent. One lane claims batch after
   * batch; each full batch (there may be more behind it) starts another lane, up to `lanes()`, and a
   * lane ends when its claim comes back short (the outbox is drained, for now).
   */
  async drain(): Promise<number> {
    const most = this.lanes();
    let active = 0;
    let total = 0;
    let failure: unknown;
    await new Promise<void>((resolve) => {
      const start = () => {
        active += 1;
        this.drainLane(() => {
          if (active < most && failure === undefined) start();
        })
          .then(
            (sent) => void (total += sent),
            (err: unknown) => void (failure ??= err),
          )
          .finally(() => {
            active -= 1;
            if (active === 0) resolve();
          });
      };
      start();
    });
    if (failure !== undefined) throw failure;
    await this.purge();
    return total;
  }

  private async drainLane(full: () => void): Promise<number> {
    let total = 0;
    for (;;) {
      if (!this.options.publisher.ready) return total;
      const sent = await this.sendBatch(full);
      total += sent;
      if (sent < (this.options.batchSize ?? 200)) return total;
    }
  }

  /** Batches in flight: as asked (default 4), leaving the service at least one pooled connection. */
  private lanes(): number {
    const poolMax = (this.options.knex.client as { config?: { pool?: { max?: number } } }).config?.pool?.max ?? 10;
    return Math.max(1, Math.min(this.options.inFlightBatches ?? 4, poolMax - 1));
  }

  /** The claim in progress: a lane claims and publishes only once the previous lane has. */
  private claiming: Promise<void> = Promise.resolve();

  /** Claims, publishes and marks one batch; `full` is told as soon as the claim is a whole batch. */
  private async sendBatch(full: () => void): Promise<number> {
    const { knex, publisher, batchSize = 200 } = this.options;
    let release!: () => void;
    const previous = this.claiming;
    this.claiming = new Promise<void>((resolve) => (release = resolve));
    return knex
      .transaction(async (trx) => {
        let rows: OutboxRow[];
        let confirmed: Promise<string[]>;
        let messages: Array<{ message: OutgoingMessage; span: Span }>;
        try {
          await previous;
          rows = await trx(OUTBOX_TABLE)
            .whereNull('sent_at')
            .andWhere((q) => q.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', trx.fn.now()))
            .orderBy([{ column: 'created_at' }, { column: 'id' }])
            .limit(batchSize)
            .forUpdate()
            .skipLocked();
          if (rows.length === 0) return 0;
          // Another lane may claim the next batch while this one waits for its confirms.
          if (rows.length === batchSize) full();
          messages = rows.map((row) => this.toMessage(row));
          // Every message is on the channel when publishAll returns its promise.
          confirmed = publisher.publishAll(messages.map((m) => m.message));
        } finally {
          release();
        }
        let returned: Set<string>;
        try {
          returned = new Set(await confirmed);
        } finally {
          for (const m of messages) m.span.end();
        }
        const sentRows = rows.filter((r) => !returned.has(r.id));
        const sent = sentRows.map((r) => r.id);
        const { metrics } = this.options;
        for (const r of sentRows) metrics?.published.inc({ messaging_destination_name: eventTypeLabel(r.routing_key) });
        for (const r of rows) if (returned.has(r.id)) metrics?.returned.inc({ messaging_destination_name: eventTypeLabel(r.routing_key) });
        if (sent.length > 0) await trx(OUTBOX_TABLE).whereIn('id', sent).update({ sent_at: trx.fn.now() });
        if (returned.size > 0) {
          // Nobody listens yet: keep the event and try again later, backing off to a minute.
          await trx(OUTBOX_TABLE)
            .whereIn('id', [...returned])
            .update({
              attempts: trx.raw('attempts + 1'),
              next_attempt_at: trx.raw(`now() + least(60, power(2, attempts)) * interval '1 second'`),
            });
        }
        return rows.length;
      })
      .finally(() => release());
  }

  private toMessage(row: OutboxRow): { message: OutgoingMessage; span: Span } {
    // Publish in the trace of the request that wrote the row, however late.
    const parent = contextFromHeaders(row.headers);
    const span = tracer.startSpan(
      `${row.routing_key} publish`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'rabbitmq',
          'messaging.destination.name': row.routing_key,
          'messaging.message.id': row.id,
        },
      },
      parent,
    );
    // Consumers see the publish span as their parent.
    const ctx = trace.setSpan(parent, span);
    const headers: Record<string, string> = { ...row.headers, ...traceHeaders(ctx) };
    headers[HEADERS.occurredAt] = new Date(row.created_at).toISOString();
    if (row.tenant_id) headers[HEADERS.tenantId] = row.tenant_id;
    if (row.environment_id) headers[HEADERS.environmentId] = row.environment_id;
    const message: OutgoingMessage = {
      routingKey: row.routing_key,
      body: Buffer.from(JSON.stringify(row.payload)),
      context: ctx,
      options: {
        messageId: row.id,
        type: row.routing_key,
        appId: this.options.source,
        timestamp: Math.floor(new Date(row.created_at).getTime() / 1000),
        contentType: 'application/json',
        persistent: true,
        headers,
      },
    };
    return { message, span };
  }

  private async purge(): Promise<void> {
    const { knex, retentionMs = 24 * 3600_000 } = this.options;
    if (Date.now() - this.lastPurge < 60_000) return;
    this.lastPurge = Date.now();
    await knex(OUTBOX_TABLE)
      .whereNotNull('sent_at')
      .andWhere('sent_at', '<', new Date(Date.now() - retentionMs))
      .delete();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }
}
