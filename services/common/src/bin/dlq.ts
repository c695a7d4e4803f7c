// `npm run dlq -- <list|replay|purge> <service> …`: what a service's dead-letter queue holds,
// putting its messages back on the service's queue, and dropping one for good.

import os from 'node:os';
import { parseArgs } from 'node:util';
import amqp, { type ChannelModel } from 'amqplib';
import type { DestinationStream } from 'pino';
import { z } from 'zod';
import { DeadLetterQueueMissing, listDeadLetters, purgeDeadLetters, replayDeadLetters, type DeadLetter } from '../bus/dlq-admin';
import { CONSUMING_SERVICES, queueNames, type QueueNames } from '../bus/topology';
import { baseConfigShape, ConfigError, loadConfig } from '../config/load';
import { createLogger, type Logger } from '../logging/logger';

/** The services that consume events, and so have a queue `<service>.events` and its `.dlq`. */
/** The services that consume nothing: named apart, so that the refusal says why. */
const NON_CONSUMING_SERVICES = ['catalog', 'customer', 'gateway'];

const USAGE = `usage: npm run dlq -- list <service> [--json]
       npm run dlq -- replay <service> [--id <eventId> ...] [--by <who>]
       npm run dlq -- purge <service> --id <eventId> [--id <eventId> ...] [--by <who>]
services: ${CONSUMING_SERVICES.join(', ')}`;

export interface DlqIo {
  env: NodeJS.ProcessEnv;
  /** Listings, results, and the JSON audit line of every change. */
  stdout: DestinationStream;
  /** Refusals and the tool's own log lines. */
  stderr: DestinationStream;
}

export function loadDlqConfig(env: NodeJS.ProcessEnv = process.env) {
  const base = baseConfigShape(env);
  return loadConfig(
    {
      NODE_ENV: base.NODE_ENV,
      AMQP_URL: base.AMQP_URL,
      LOG_LEVEL: base.LOG_LEVEL,
      /** As the services read it: their queues are `<prefix><service>.events`. */
      AMQP_QUEUE_PREFIX: z.string().default(''),
    },
    env,
  );
}

class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        id: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        by: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  const [command, service, ...extra] = positionals;
  if (!command) throw new UsageError('name a command: list, replay or purge');
  if (!['list', 'replay', 'purge'].includes(command)) throw new UsageError(`there is no command "${command}"; the commands are list, replay and purge`);
  if (!service) throw new UsageError(`name the service whose dead-letter queue to ${command}`);
  if (extra.length > 0) throw new UsageError(`unexpected ${extra.join(' ')}; name events with --id <eventId>`);
  if (!(CONSUMING_SERVICES as readonly string[]).includes(service)) {
    throw new UsageError(
      NON_CONSUMING_SERVICES.includes(service)
        ? `${service} consumes no events, so it has no dead-letter queue; the services that have one are ${CONSUMING_SERVICES.join(', ')}`
        : `there is no service "${service}" with a dead-letter queue; the services that have one are ${CONSUMING_SERVICES.join(', ')}`,
    );
  }
  const ids = values.id ?? [];
  if (command === 'list' && ids.length > 0) throw new UsageError('list shows every message; --id is for replay and purge');
  if (command === 'purge' && ids.length === 0) throw new UsageError('purge drops messages for good, one by one: name each with --id <eventId>');
  return { command: command as 'list' | 'replay' | 'purge', service, ids, json: values.json, by: values.by };
}

/** Who ran the command, for the audit line: `--by`, else the account and the machine. */
function operator(by: string | undefined, env: NodeJS.ProcessEnv): string {
  if (by) return by;
  let user: string;
  try {
    user = os.userInfo().username;
  } catch {
    user = env.USER ?? 'unknown';
  }
  return `${user}@${os.hostname()}`;
}

/** The broker's address without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unreadable AMQP_URL)';
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A dead-lettered message as a few lines for a person. */
export function formatDeadLetter(d: DeadLetter): string {
  const lines = [`${d.eventId ?? '(no event id)'}  ${d.type ?? '(no type)'}`];
  lines.push(`  tenant ${d.tenantId ?? '-'}, environment ${d.environmentId ?? '-'}`);
  const deliveries =
    d.deliveries !== undefined
      ? `after ${plural(d.deliveries, 'delivery', 'deliveries')}`
      : d.reason === 'delivery_limit'
        ? 'after more deliveries than its queue allows'
        : undefined;
  const when = [
    'dead-lettered',
    d.deadLetteredAt,
    d.queue ? `from ${d.queue}` : undefined,
    deliveries,
    d.reason ? `(${d.reason})` : undefined,
  ].filter(Boolean);
  lines.push(`  ${when.join(' ')}`);
  lines.push(`  error: ${d.error ?? '(not recorded: the broker dead-lettered it)'}`);
  return lines.join('\n');
}

async function execute(
  args: NonNullable<ReturnType<typeof parse>>,
  conn: ChannelModel,
  names: QueueNames,
  out: (line: string) => void,
  audit: Logger,
  err: (line: string) => void,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  if (args.command === 'list') {
    const entries = await listDeadLetters(conn, names);
    if (args.json) {
      for (const entry of entries) out(JSON.stringify(entry));
    } else {
      out(entries.length === 0 ? `${names.deadLetter} is empty` : `${names.deadLetter} holds ${plural(entries.length, 'message')}`);
      for (const entry of entries) out(`\n${formatDeadLetter(entry)}`);
    }
    return 0;
  }

  const ids = args.ids.length > 0 ? args.ids : undefined;
  const { done, missing } =
    args.command === 'replay' ? await replayDeadLetters(conn, names, { ids }) : await purgeDeadLetters(conn, names, { ids: args.ids });
  const eventIds = done.map((d) => d.eventId ?? '(no event id)');
  if (done.length > 0) {
    const action = args.command === 'replay' ? 'dlq.replay' : 'dlq.purge';
    audit.info(
      {
        audit: {
          who: operator(args.by, env),
          what: action,
          when: new Date().toISOString(),
          service: args.service,
          queue: names.deadLetter,
          ...(args.command === 'replay' ? { to: names.queue } : {}),
          eventIds,
        },
      },
      args.command === 'replay' ? 'dead-lettered events replayed' : 'dead-lettered events purged',
    );
  }
  const verb = args.command === 'replay' ? `replayed to ${names.queue}` : 'purged for good';
  out(done.length === 0 ? `nothing ${args.command === 'replay' ? 'replayed' : 'purged'} from ${names.deadLetter}` : `${plural(done.length, 'message')} from ${names.deadLetter} ${verb}: ${eventIds.join(', ')}`);
  if (missing.length > 0) {
    err(`dlq: not in ${names.deadLetter}: ${missing.join(', ')}`);
    return 1;
  }
  return 0;
}

/** Runs one dlq command; resolves to the process's exit code (2: a usage error, 1: it failed). */
export async function runDlq(argv: string[], io: DlqIo = { env: process.env, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const err = (line: string) => io.stderr.write(`${line}\n`);
  let args;
  let config;
  try {
    args = parse(argv);
    config = loadDlqConfig(io.env);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`dlq: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof ConfigError) {
      err(`dlq: ${e.message}`);
      return 1;
    }
    throw e;
  }
  if (!args) {
    out(USAGE);
    return 0;
  }
  const logger = createLogger('dlq', { level: config.LOG_LEVEL, destination: io.stderr });
  // An audit line is written whatever LOG_LEVEL says.
  const audit = createLogger('dlq', { level: 'info', destination: io.stdout });
  const names = queueNames(args.service, config.AMQP_QUEUE_PREFIX);

  let conn: ChannelModel;
  try {
    conn = await amqp.connect(config.AMQP_URL, { clientProperties: { connection_name: `dlq ${args.command} ${args.service}` } });
  } catch (e) {
    err(`dlq: cannot reach RabbitMQ at ${redact(config.AMQP_URL)}: ${(e as Error).message}`);
    return 1;
  }
  conn.on('error', (e) => logger.warn({ err: e }, 'bus connection error'));
  try {
    return await execute(args, conn, names, out, audit, err, io.env);
  } catch (e) {
    if (e instanceof DeadLetterQueueMissing) {
      err(
        `dlq: ${e.queue} does not exist on ${redact(config.AMQP_URL)}: has ${args.service} ever started with AMQP_QUEUE_PREFIX="${config.AMQP_QUEUE_PREFIX}"?`,
      );
      return 1;
    }
    logger.error({ err: e }, 'dlq command failed');
    err(`dlq: ${args.command} failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await conn.close().catch(() => undefined);
  }
}

if (require.main === module) {
  runDlq(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
