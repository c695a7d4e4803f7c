import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import type { TcpProxy } from '../tcp-proxy';

/** A server going away (`begin`) and coming back (`end`). */
export interface Outage {
  readonly what: string;
  begin(): Promise<void>;
  end(): Promise<void>;
}

/**
 * The services reach the server through `proxy`: the outage cuts every
 * connection and refuses new ones, and the server itself is untouched (safe
 * on a machine whose servers others are using).
 */
export function proxyOutage(what: string, proxy: TcpProxy): Outage {
  return { what: `${what} (proxy cut)`, begin: () => proxy.cut(), end: async () => void (await proxy.start()) };
}

// Asynchronous: the run's proxies and clients live in this process and must go on meanwhile.
const run = async (command: string, args: string[]) => {
  await promisify(execFile)(command, args, { timeout: 120_000 });
};

/** The machine's RabbitMQ really stopped and started (its node stays up; its queues are durable). */
export function rabbitMqRestart(): Outage {
  return {
    what: 'RabbitMQ (rabbitmqctl stop_app / start_app)',
    begin: () => run('rabbitmqctl', ['stop_app']),
    end: () => run('rabbitmqctl', ['start_app']),
  };
}

/** The machine's Postgres cluster (Debian's `<version> main`) really stopped and started. */
export function postgresRestart(): Outage {
  const versions = readdirSync('/etc/postgresql');
  if (versions.length !== 1) throw new Error(`expected one Postgres version in /etc/postgresql, found: ${versions.join(', ') || 'none'}`);
  const pgCtl = (action: string) => run('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0]!, 'main', action]);
  return { what: `Postgres (pg_ctlcluster ${versions[0]} main stop / start)`, begin: () => pgCtl('stop'), end: () => pgCtl('start') };
}
