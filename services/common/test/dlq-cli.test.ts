import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runDlq } from '../src/bin/dlq';
import { CONSUMING_SERVICES } from '../src/bus/topology';

async function dlq(...args: string[]) {
  let stdout = '';
  let stderr = '';
  // A port nothing listens on: a refusal must come before any connection.
  const env = { NODE_ENV: 'test', AMQP_URL: 'amqp://guest:guest@127.0.0.1:1' };
  const code = await runDlq(args, { env, stdout: { write: (s: string) => void (stdout += s) }, stderr: { write: (s: string) => void (stderr += s) } });
  return { code, stdout, stderr };
}

test('a service with no such name is refused in words, naming the ones there are', async () => {
  const result = await dlq('list', 'bilin');
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('there is no service "bilin" with a dead-letter queue; the services that have one are tenant, campaign, billing, analytics, webhook');
  expect(result.stdout).toBe('');
});

test('a service that consumes nothing is refused with the reason', async () => {
  const result = await dlq('replay', 'catalog');
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('catalog consumes no events, so it has no dead-letter queue');
});

test('purge without an event id, and an unknown command, are refused', async () => {
  expect(await dlq('purge', 'billing')).toMatchObject({ code: 2, stderr: expect.stringContaining('name each with --id <eventId>') });
  expect(await dlq('drain', 'billing')).toMatchObject({ code: 2, stderr: expect.stringContaining('there is no command "drain"') });
  expect(await dlq('list', 'billing', '--force')).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--force'") });
});

test('an unreachable broker is named without its password', async () => {
  const result = await dlq('list', 'billing');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('cannot reach RabbitMQ at amqp://guest:***@127.0.0.1:1');
});

test('the tool knows every service that consumes events', () => {
  const services = path.join(__dirname, '..', '..');
  const consuming = readdirSync(services).filter((name) => {
    try {
      return /\bconsume: \{/.test(readFileSync(path.join(services, name, 'src', 'service.ts'), 'utf8'));
    } catch {
      return false;
    }
  });
  expect([...CONSUMING_SERVICES].sort()).toEqual(consuming.sort());
});
