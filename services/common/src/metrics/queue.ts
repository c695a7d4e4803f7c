import { Gauge, type Registry } from 'prom-client';
import type { BusConnection } from '../bus/connection';
import type { QueueNames } from '../bus/topology';

interface QueueDepth {
  ready: number;
  consumers: number;
  deadLettered: number;
}

/**
 * The service's own queue as the broker sees it, read at scrape time with two
 * passive checks on a channel of the service's bus connection: messages ready,
 * consumers attached, and messages in its dead-letter queue. `queue` is the
 * queue's name as declared (one per consuming service). With the broker away,
 * or slower than `timeoutMs`, the gauges report no sample rather than a stale
 * value, and the scrape neither fails nor waits longer.
 */
export function registerQueueMetrics(registry: Registry, bus: BusConnection, names: QueueNames, timeoutMs = 1_000): void {
  let reading: Promise<QueueDepth | undefined> | undefined;
  const read = () =>
    (reading ??= withTimeout(inspect(bus, names).catch(() => undefined), timeoutMs).finally(() => {
      reading = undefined;
    }));
  const gauge = (name: string, help: string, value: (depth: QueueDepth) => number, queue: string) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'] as const,
      registers: [registry],
      async collect() {
        const depth = await read();
        this.reset();
        if (depth) this.set({ queue }, value(depth));
      },
    });
  gauge('azotte_messaging_queue_messages', "Messages ready in the service's event queue", (d) => d.ready, names.queue);
  gauge('azotte_messaging_queue_consumers', "Consumers attached to the service's event queue", (d) => d.consumers, names.queue);
  gauge('azotte_messaging_dlq_messages', "Messages in the service's dead-letter queue (labelled with the queue it serves)", (d) => d.deadLettered, names.queue);
}

async function inspect(bus: BusConnection, names: QueueNames): Promise<QueueDepth | undefined> {
  const channel = await bus.openChannel();
  if (!channel) return undefined;
  try {
    const queue = await channel.checkQueue(names.queue);
    const dlq = await channel.checkQueue(names.deadLetter);
    return { ready: queue.messageCount, consumers: queue.consumerCount, deadLettered: dlq.messageCount };
  } finally {
    await channel.close().catch(() => undefined);
  }
}

function withTimeout<T>(work: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
