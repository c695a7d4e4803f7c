import type { Channel } from 'amqplib';

export interface QueueNames {
  queue: string;
  deadLetter: string;
}

/** `<service>.events` and its dead-letter queue `<service>.events.dlq`. */
export function queueNames(service: string, prefix = ''): QueueNames {
  const queue = `${prefix}${service}.events`;
  return { queue, deadLetter: `${queue}.dlq` };
}

export async function assertExchange(channel: Channel, exchange: string): Promise<void> {
  await channel.assertExchange(exchange, 'topic', { durable: true });
}

/**
 * Declares a consuming service's durable quorum queue, bound to `patterns`,
 * with a dead-letter queue that receives a message once it has been delivered
 * more than `maxDeliveries` times (or rejected as unreadable).
 */
export async function assertServiceQueue(
  channel: Channel,
  exchange: string,
  names: QueueNames,
  patterns: string[],
  maxDeliveries: number,
): Promise<void> {
  await assertExchange(channel, exchange);
  await channel.assertQueue(names.deadLetter, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.assertQueue(names.queue, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': maxDeliveries,
      // The default exchange routes by queue name, so no extra exchange is needed.
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': names.deadLetter,
    },
  });
  for (const pattern of patterns) await channel.bindQueue(names.queue, exchange, pattern);
}

/** The services that consume events, each with its queue `<service>.events` and dead-letter queue. */
export const CONSUMING_SERVICES = ['tenant', 'campaign', 'billing', 'analytics', 'webhook'] as const;
