import type { ConfirmChannel, Message, MessagePropertyHeaders, Options } from 'amqplib';
import { scrubCardNumbers } from '../logging/logger';

/**
 * Headers the consumer adds to a message it dead-letters itself, so that the
 * dead-letter queue says why. (The broker's own dead-lettering adds only
 * `x-death` and `x-first-death-*`, which name a reason but not the error.)
 */
export const FAILURE_HEADERS = {
  /** The last handler error, `<name>: <message>`, at most MAX_ERROR_LENGTH characters. */
  error: 'x-azotte-error',
  /** `delivery_limit` (the handler failed on every allowed delivery) or `unreadable`. */
  reason: 'x-azotte-dead-letter-reason',
  /** How many times the consumer received the message, the last included. */
  deliveries: 'x-azotte-deliveries',
  /** When it was dead-lettered (ISO 8601). */
  failedAt: 'x-azotte-failed-at',
  /** The queue it failed in. */
  queue: 'x-azotte-queue',
  /** The routing key it arrived with: a replay sends it straight to the queue, so this is its only record. */
  routingKey: 'x-azotte-routing-key',
} as const;

export type DeadLetterReason = 'delivery_limit' | 'unreadable';

export const MAX_ERROR_LENGTH = 1_000;

/** Headers that describe where a message has been; a copy sent to a queue anew starts without them. */
const BROKER_HISTORY = [
  'x-delivery-count',
  'x-death',
  'x-first-death-reason',
  'x-first-death-queue',
  'x-first-death-exchange',
  'x-last-death-reason',
  'x-last-death-queue',
  'x-last-death-exchange',
];

/** An error as one line for a header: scrubbed of card numbers, cut to `max` characters. */
export function describeError(err: unknown, max = MAX_ERROR_LENGTH): string {
  const text = scrubCardNumbers(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface Failure {
  reason: DeadLetterReason;
  error: unknown;
  deliveries: number;
  queue: string;
}

/** The headers of a message without its broker history, nor (with `dropFailure`) the kit's failure record. */
export function withoutHistory(headers: MessagePropertyHeaders | undefined, { dropFailure = false } = {}): MessagePropertyHeaders {
  const kept: MessagePropertyHeaders = { ...headers };
  for (const name of BROKER_HISTORY) delete kept[name];
  if (dropFailure) for (const name of Object.values(FAILURE_HEADERS)) delete kept[name];
  return kept;
}

/**
 * The publish options of a copy of `msg`: the event's own properties
 * (messageId, type, appId, timestamp, content type) and `headers`. An
 * expiration or a user id would not hold for the copy, so neither is kept.
 */
export function copyOptions(msg: Message, headers: MessagePropertyHeaders): Options.Publish {
  const p = msg.properties;
  const options: Options.Publish = { persistent: true, headers };
  if (p.messageId !== undefined) options.messageId = p.messageId as string;
  if (p.type !== undefined) options.type = p.type as string;
  if (p.appId !== undefined) options.appId = p.appId as string;
  if (p.timestamp !== undefined) options.timestamp = p.timestamp as number;
  if (p.contentType !== undefined) options.contentType = p.contentType as string;
  if (p.contentEncoding !== undefined) options.contentEncoding = p.contentEncoding as string;
  if (p.correlationId !== undefined) options.correlationId = p.correlationId as string;
  return options;
}

/** The publish options of the dead-lettered copy of `msg`, carrying its failure. */
export function deadLetterOptions(msg: Message, failure: Failure, now = new Date()): Options.Publish {
  return copyOptions(msg, {
    ...withoutHistory(msg.properties.headers),
    [FAILURE_HEADERS.reason]: failure.reason,
    [FAILURE_HEADERS.error]: describeError(failure.error),
    [FAILURE_HEADERS.deliveries]: failure.deliveries,
    [FAILURE_HEADERS.failedAt]: now.toISOString(),
    [FAILURE_HEADERS.queue]: failure.queue,
    [FAILURE_HEADERS.routingKey]: msg.fields.routingKey,
  });
}

/**
 * Sends a message straight to `queue` (the default exchange routes by queue
 * name) and resolves once the broker has confirmed it; rejects if it is
 * nacked or the channel closes first.
 */
export function sendConfirmed(channel: ConfirmChannel, queue: string, content: Buffer, options: Options.Publish): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onClose = () => reject(new Error('channel closed before the broker confirmed'));
    channel.once('close', onClose);
    try {
      channel.sendToQueue(queue, content, options, (err) => {
        channel.removeListener('close', onClose);
        if (err) reject(err instanceof Error ? err : new Error('message nacked by the broker'));
        else resolve();
      });
    } catch (err) {
      channel.removeListener('close', onClose);
      reject(err as Error);
    }
  });
}
