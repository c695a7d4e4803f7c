import { context as otel, type Context } from '@opentelemetry/api';
import type { ConfirmChannel, Options } from 'amqplib';
import type { Logger } from 'pino';
import type { BusConnection } from './connection';
import { assertExchange } from './topology';

export interface OutgoingMessage {
  routingKey: string;
  body: Buffer;
  options: Options.Publish;
  /** The trace context to publish in (the relay's `<key> publish` span). */
  context?: Context;
}

/**
 * Publishes on a confirm channel with `mandatory`, so that the broker both
 * acknowledges each message and returns any that no queue would take.
 * `publish` resolves only once the broker has confirmed the message.
 */
export class Publisher {
  private channel: ConfirmChannel | undefined;
  /** Ids of messages returned as unroutable and not yet claimed by the batch that sent them. */
  private readonly returnedIds = new Set<string>();

  constructor(
    private readonly bus: BusConnection,
    private readonly exchange: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.bus.use(async (conn) => {
      const channel = await conn.createConfirmChannel();
      await assertExchange(channel, this.exchange);
      channel.on('return', (msg) => {
        // No queue is bound for this key yet (its consumers have never started). The broker sends
        // the return before the confirm, so the batch that published it sees it as not delivered.
        this.returnedIds.add(msg.properties.messageId as string);
        this.logger.warn(
          { routingKey: msg.fields.routingKey, eventId: msg.properties.messageId },
          'event returned by the broker: no queue is bound for it yet',
        );
      });
      channel.on('error', (err) => this.logger.warn({ err }, 'publisher channel error'));
      channel.on('close', () => {
        if (this.channel === channel) this.channel = undefined;
      });
      this.channel = channel;
    });
  }

  get ready(): boolean {
    return this.channel !== undefined;
  }

  /**
   * Publishes a batch and waits for every confirm; rejects if any is nacked or
   * the channel drops. Resolves to the ids of the messages the broker returned
   * as unroutable: confirmed, but delivered nowhere.
   */
  async publishAll(messages: OutgoingMessage[]): Promise<string[]> {
    const channel = this.channel;
    if (!channel) throw new Error('bus is not connected');
    let onClose: () => void = () => undefined;
    const closed = new Promise<never>((_, reject) => {
      onClose = () => reject(new Error('channel closed before the broker confirmed'));
      channel.once('close', onClose);
    });
    const confirms = Promise.all(
      messages.map(
        (m) =>
          new Promise<void>((resolve, reject) => {
            otel.with(m.context ?? otel.active(), () =>
              channel.publish(this.exchange, m.routingKey, m.body, { ...m.options, mandatory: true }, (err) =>
                err ? reject(err instanceof Error ? err : new Error('message nacked by the broker')) : resolve(),
              ),
            );
          }),
      ),
    );
    try {
      await Promise.race([confirms, closed]);
    } finally {
      channel.removeListener('close', onClose);
      closed.catch(() => undefined);
    }
    const returned: string[] = [];
    for (const m of messages) {
      const id = m.options.messageId as string;
      if (this.returnedIds.delete(id)) returned.push(id);
    }
    return returned;
  }
}
