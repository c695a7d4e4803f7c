import net from 'node:net';

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
  for (const name of services.filter((n) => n !== 'gateway')) {
    const port = await freePort();
    const upper = name.toUpperCase();
    Object.assign(env, { [`${upper}_DB_SCHEMA`]: `${id}_${name}`, [`${upper}_GRPC_PORT`]: String(port), [`${upper}_GRPC_ADDR`]: `127.0.0.1:${port}` });
  }
  return env;
}
