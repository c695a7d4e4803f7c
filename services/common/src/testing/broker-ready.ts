import { checkHealth } from '../grpc/client';
import { waitFor } from './servers';

/**
 * Waits until the service answering on `port` is connected to the broker. A
 * service reports listening before its first connection (it starts without the
 * broker and catches up), and its queue is declared and bound on that
 * connection: an event published before then is routed nowhere.
 */
export async function brokerReady(port: number | string, timeoutMs?: number): Promise<void> {
  await waitFor(async () => (await checkHealth(`127.0.0.1:${port}`, 'rabbitmq')) === 'SERVING', {
    what: `the service on ${port} connected to the broker`,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}
