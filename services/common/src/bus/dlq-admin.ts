import type { ChannelModel, ConfirmChannel, GetMessage, XDeath } from 'amqplib';
import { HEADERS } from './event';
import { copyOptions, FAILURE_HEADERS, sendConfirmed, withoutHistory } from './dead-letter';
import type { QueueNames } from './topology';

/** One message of a dead-letter queue, as an operator needs to see it. */
export interface DeadLetter {
  /** The event id (the AMQP messageId); absent only on an unreadable message. */
  eventId?: string;
  /** The routing key, e.g. `billing.invoice.paid.v1`. */
  type?: string;
  tenantId?: string;
  environmentId?: string;
  /** Why it was dead-lettered: `delivery_limit`, `unreadable`, or the broker's reason (`rejected`, `expired`…). */
  reason?: string;
  /** The last handler error as the consumer recorded it (truncated); absent when the broker dead-lettered it alone. */
  error?: string;
  /** How many times the consumer received it; absent when only the broker knew. */
  deliveries?: number;
  /** When it was dead-lettered (ISO 8601). */
  deadLetteredAt?: string;
  /** The queue it failed in. */
  queue?: string;
}

export class DeadLetterQueueMissing extends Error {
  constructor(readonly queue: string) {
    super(`There is no queue ${queue} on the broker`);
    this.name = 'DeadLetterQueueMissing';
  }
}

const text = (value: unknown): string | undefined => {
  if (typeof value === 'string' && value !== '') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return undefined;
};

const amqpTime = (value: unknown): string | undefined => {
  const seconds = (value as { value?: unknown } | undefined)?.value ?? value;
  return typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : undefined;
};

/** What a dead-lettered message says about itself, from its properties and its kit and broker headers. */
export function describeDeadLetter(msg: GetMessage): DeadLetter {
  const headers = msg.properties.headers ?? {};
  // The most recent death comes first; a message the kit dead-lettered has none.
  const death: Partial<XDeath> | undefined = Array.isArray(headers['x-death']) ? headers['x-death'][0] : undefined;
  const deathKeys = death?.['routing-keys'];
  const deliveries = Number(headers[FAILURE_HEADERS.deliveries]);
  const entry: DeadLetter = {
    eventId: text(msg.properties.messageId),
    type: text(msg.properties.type) ?? text(headers[FAILURE_HEADERS.routingKey]) ?? (Array.isArray(deathKeys) ? text(deathKeys[0]) : undefined),
    tenantId: text(headers[HEADERS.tenantId]),
    environmentId: text(headers[HEADERS.environmentId]),
    reason: text(headers[FAILURE_HEADERS.reason]) ?? text(headers['x-first-death-reason']) ?? text(death?.reason),
    error: text(headers[FAILURE_HEADERS.error]),
    deliveries: Number.isInteger(deliveries) && deliveries > 0 ? deliveries : undefined,
    deadLetteredAt: text(headers[FAILURE_HEADERS.failedAt]) ?? amqpTime(death?.time),
    queue: text(headers[FAILURE_HEADERS.queue]) ?? text(headers['x-first-death-queue']) ?? text(death?.queue),
  };
  for (const key of Object.keys(entry) as Array<keyof DeadLetter>) if (entry[key] === undefined) delete entry[key];
  return entry;
}

type Decision = 'keep' | 'replay' | 'drop';

/**
 * Takes every message of the dead-letter queue (unacknowledged, so a crash
 * gives them all back), lets `decide` choose for each, acts, and returns the
 * kept ones to the queue in their order. A replayed message is acked only
 * after the broker confirmed its copy in the service's queue: at worst it is
 * in both, and the service's inbox makes the second one a no-op.
 */
async function sweep(
  conn: ChannelModel,
  names: QueueNames,
  decide: (entry: DeadLetter) => Decision,
): Promise<Array<{ entry: DeadLetter; decision: Decision }>> {
  const channel: ConfirmChannel = await conn.createConfirmChannel();
  // A refused operation closes the channel with an error event; the awaited call rejects with it too.
  channel.on('error', () => undefined);
  try {
    await assertExists(channel, names.deadLetter);
    const held: GetMessage[] = [];
    for (;;) {
      const msg = await channel.get(names.deadLetter, { noAck: false });
      if (msg === false) break;
      held.push(msg);
    }
    const outcome = held.map((msg) => {
      const entry = describeDeadLetter(msg);
      return { msg, entry, decision: decide(entry) };
    });
    if (outcome.some((o) => o.decision === 'replay')) await assertExists(channel, names.queue);
    for (const { msg, entry, decision } of outcome) {
      if (decision === 'replay') {
        const options = copyOptions(msg, withoutHistory(msg.properties.headers, { dropFailure: true }));
        // Sent straight to the queue, the message no longer carries its routing key in `fields`.
        if (options.type === undefined && entry.type) options.type = entry.type;
        await sendConfirmed(channel, names.queue, msg.content, options);
      }
      if (decision !== 'keep') channel.ack(msg);
    }
    // One by one and in order, so the queue keeps its order.
    for (const { msg, decision } of outcome) if (decision === 'keep') channel.nack(msg, false, true);
    return outcome.map(({ entry, decision }) => ({ entry, decision }));
  } finally {
    // Closing returns anything still unacknowledged (after a failure) to the queue.
    await channel.close().catch(() => undefined);
  }
}

async function assertExists(channel: ConfirmChannel, queue: string): Promise<void> {
  try {
    await channel.checkQueue(queue);
  } catch (err) {
    if ((err as { code?: number }).code === 404) throw new DeadLetterQueueMissing(queue);
    throw err;
  }
}

/**
 * Every message of the service's dead-letter queue, oldest first. The queue
 * is left as it was: same messages, same order (each is read and returned).
 */
export async function listDeadLetters(conn: ChannelModel, names: QueueNames): Promise<DeadLetter[]> {
  const seen = await sweep(conn, names, () => 'keep');
  return seen.map((s) => s.entry);
}

export interface Selection {
  /** Event ids to act on; every copy of each. Omitted: all (replay only). */
  ids?: string[];
}

export interface Outcome {
  /** The messages acted on, in queue order. */
  done: DeadLetter[];
  /** Requested ids that are not in the dead-letter queue. */
  missing: string[];
}

function select(ids: string[] | undefined, decision: Decision) {
  const wanted = ids ? new Set(ids) : undefined;
  return (entry: DeadLetter): Decision => (!wanted || (entry.eventId && wanted.has(entry.eventId)) ? decision : 'keep');
}

function outcomeOf(seen: Array<{ entry: DeadLetter; decision: Decision }>, ids: string[] | undefined): Outcome {
  const done = seen.filter((s) => s.decision !== 'keep').map((s) => s.entry);
  const found = new Set(done.map((d) => d.eventId));
  return { done, missing: (ids ?? []).filter((id) => !found.has(id)) };
}

/**
 * Moves dead-lettered messages (all, or those of `ids`) back to the service's
 * queue, without their failure history, so that its consumer handles them
 * afresh; the others stay in the dead-letter queue in their order.
 */
export async function replayDeadLetters(conn: ChannelModel, names: QueueNames, { ids }: Selection = {}): Promise<Outcome> {
  return outcomeOf(await sweep(conn, names, select(ids, 'replay')), ids);
}

/** Drops the dead-lettered messages of `ids` for good; the others stay in their order. */
export async function purgeDeadLetters(conn: ChannelModel, names: QueueNames, { ids }: { ids: string[] }): Promise<Outcome> {
  if (ids.length === 0) throw new Error('purge needs the ids of the events to drop');
  return outcomeOf(await sweep(conn, names, select(ids, 'drop')), ids);
}
