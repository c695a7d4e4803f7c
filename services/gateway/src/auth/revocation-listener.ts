import { BusConnection, type Logger } from '@azotte/common';
import { EVENTS } from '@azotte/proto';
import type { PrincipalCache } from './principal-cache';

/**
 * Hears the tenant service's events that change who may do what (a key
 * revoked, a user disabled or given another role) and evicts the actor from
 * the principal cache. The gateway keeps no business data, so its queue is
 * exclusive and disappears with the connection; while the connection is down
 * the cache is not used at all.
 */
export class RevocationListener {
  private readonly bus: BusConnection;

  constructor(
    amqpUrl: string,
    private readonly exchange: string,
    private readonly cache: PrincipalCache,
    private readonly logger: Logger,
  ) {
    this.bus = new BusConnection({ url: amqpUrl, name: 'gateway', logger });
  }

  async start(): Promise<void> {
    await this.bus.use(async (conn) => {
      const channel = await conn.createChannel();
      // An error a channel emits with no listener would end the process with a plain stack trace.
      channel.on('error', (err) => this.logger.warn({ err }, 'revocation channel error'));
      await channel.assertExchange(this.exchange, 'topic', { durable: true });
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
      for (const key of [EVENTS.tenant.apiKeyRevoked, EVENTS.tenant.userUpdated]) await channel.bindQueue(queue, this.exchange, key);
      await channel.consume(
        queue,
        (msg) => {
          if (!msg) return;
          try {
            const body = JSON.parse(msg.content.toString()) as { apiKey?: { id?: string }; user?: { id?: string } };
            const actorId = body.apiKey?.id ?? body.user?.id;
            if (actorId) this.cache.evictActor(actorId);
          } catch (err) {
            this.logger.warn({ err }, 'unreadable revocation event ignored');
          }
        },
        { noAck: true },
      );
    });
    this.bus.onChange((connected) => this.cache.setLive(connected));
    this.bus.startInBackground();
  }

  stop(): Promise<void> {
    this.cache.setLive(false);
    return this.bus.close();
  }
}
