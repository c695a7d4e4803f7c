import type { ConfirmChannel, Options } from 'amqplib';
import type { Logger } from 'pino';
import type { BusConnection } from './connection';
import { assertExchange } from './topology';

export interface OutgoingMessage {
  routingKey: string;
  body: Buffer;
  options: Options.Publish;
}

/**
 * Publishes on a confirm channel with `mandatory`, so that the broker both
 * acknowledges each message and returns any that no queue would take.
 * `publish` resolves only once the broker has confirmed the message.
 */
export class Publisher {
  private channel: ConfirmChannel | undefined;
  /** Messages the broker returned as unroutable since start (see `onReturned`). */
  returned = 0;

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
        // No queue is bound for this key (no consumer has ever declared one). The event stays in
        // the producer's outbox history; nothing is retried because nobody is listening.
        this.returned += 1;
        this.logger.warn(
          { routingKey: msg.fields.routingKey, eventId: msg.properties.messageId },
          'event returned by the broker: no queue is bound for it',
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

  /** Publishes a batch and waits for every confirm; rejects if any is nacked or the channel drops. */
  async publishAll(messages: OutgoingMessage[]): Promise<void> {
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
            channel.publish(this.exchange, m.routingKey, m.body, { ...m.options, mandatory: true }, (err) =>
              err ? reject(err instanceof Error ? err : new Error('message nacked by the broker')) : resolve(),
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
  }
}
