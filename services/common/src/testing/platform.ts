import net from 'node:net';
import { dropSchema } from '../db/database';
import { removeTestBus } from './events';
import { CONSUMING_SERVICES } from '../bus/topology';

/** Every service of the platform, in the order they are started (the gateway last). */
export const PLATFORM_SERVICES = ['tenant', 'catalog', 'customer', 'campaign', 'billing', 'analytics', 'webhook', 'gateway'] as const;

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The environment of a whole platform run as processes (tests over real
 * processes, benchmarks): the servers given, and an exchange, queues, schemas
 * and free ports of its own (`id`), every service told where the others answer.
 */
export async function platformEnvironment(
  id: string,
  servers: { databaseUrl: string; amqpUrl: string },
  services: readonly string[] = PLATFORM_SERVICES,
): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    DATABASE_URL: servers.databaseUrl,
    AMQP_URL: servers.amqpUrl,
    AMQP_EXCHANGE: `${id}.events`,
    AMQP_QUEUE_PREFIX: `${id}.`,
    GATEWAY_DB_SCHEMA: `${id}_gateway`,
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: String(await freePort()),
  };
  for (const name of services) env[`${name.toUpperCase()}_METRICS_PORT`] = String(await freePort());
  for (const name of services.filter((n) => n !== 'gateway')) {
    const port = await freePort();
    const upper = name.toUpperCase();
    Object.assign(env, { [`${upper}_DB_SCHEMA`]: `${id}_${name}`, [`${upper}_GRPC_PORT`]: String(port), [`${upper}_GRPC_ADDR`]: `127.0.0.1:${port}` });
  }
  return env;
}

/** The services that consume events (the bus's list): each has a queue `<prefix><service>.events` and its `.dlq`. */
export { CONSUMING_SERVICES };

/** Removes what a platform run of `id` left on the servers: every service's schema and role, the queues, DLQs and exchange. */
export async function removePlatform(id: string, servers: { databaseUrl: string; amqpUrl: string }): Promise<void> {
  for (const name of PLATFORM_SERVICES) await dropSchema(servers.databaseUrl, `${id}_${name}`);
  await removeTestBus({ AMQP_URL: servers.amqpUrl, AMQP_EXCHANGE: `${id}.events`, AMQP_QUEUE_PREFIX: `${id}.` }, [...CONSUMING_SERVICES]);
}
