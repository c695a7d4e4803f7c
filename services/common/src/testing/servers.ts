import { randomBytes } from 'node:crypto';

export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/azotte_test';
export const LOCAL_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

/** The real servers the tests run against (set up once by the global setup). */
export function testServers(): { databaseUrl: string; amqpUrl: string } {
  return {
    databaseUrl: process.env.DATABASE_URL ?? LOCAL_DATABASE_URL,
    amqpUrl: process.env.AMQP_URL ?? LOCAL_AMQP_URL,
  };
}

/** A name no other test file uses: schemas, exchanges and queue prefixes. */
export function uniqueName(prefix: string): string {
  return `t_${prefix}_${randomBytes(4).toString('hex')}`;
}

/**
 * Waits until `probe` returns a truthy value and returns it; fails after
 * `timeoutMs` with the last error or value. Tests wait for conditions, never for time.
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 25, what = 'condition' } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
