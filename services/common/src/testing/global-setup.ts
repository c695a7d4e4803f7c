import { execSync } from 'node:child_process';
import { Client } from 'pg';
import { LOCAL_AMQP_URL, LOCAL_DATABASE_URL } from './servers';

type Stoppable = { stop(): Promise<unknown> };
declare global {
  // eslint-disable-next-line no-var
  var __AZOTTE_CONTAINERS__: Stoppable[] | undefined;
}

function dockerAnswers(): boolean {
  try {
    execSync('docker info', { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

/** Creates the database named by `url` when it does not exist yet. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1)) || 'postgres';
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (err) {
    // Another worker may have created it a moment ago.
    if ((err as { code?: string }).code !== '42P04') throw err;
  } finally {
    await client.end();
  }
}

/**
 * Chooses the real servers for the whole test run: DATABASE_URL / AMQP_URL
 * when set; otherwise containers, when a Docker engine answers; otherwise the
 * local servers on their standard ports.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  const containers: Stoppable[] = [];
  if (!process.env.DATABASE_URL || !process.env.AMQP_URL) {
    if (dockerAnswers()) {
      // Loaded only here: a machine without Docker never needs testcontainers.
      if (!process.env.DATABASE_URL) {
        const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
        const pg = await new PostgreSqlContainer('postgres:15').withDatabase('azotte_test').start();
        containers.push(pg);
        process.env.DATABASE_URL = pg.getConnectionUri();
      }
      if (!process.env.AMQP_URL) {
        const { RabbitMQContainer } = await import('@testcontainers/rabbitmq');
        const mq = await new RabbitMQContainer('rabbitmq:3.13-management').start();
        containers.push(mq);
        process.env.AMQP_URL = mq.getAmqpUrl();
      }
    } else {
      process.env.DATABASE_URL ??= LOCAL_DATABASE_URL;
      process.env.AMQP_URL ??= LOCAL_AMQP_URL;
    }
  }
  await ensureDatabase(process.env.DATABASE_URL!);
  globalThis.__AZOTTE_CONTAINERS__ = containers;
}
