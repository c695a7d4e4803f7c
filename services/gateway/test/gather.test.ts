import { isDomainError } from '@azotte/common';
import { gather } from '../src/http/gather';

const never = () => new Promise<never>(() => undefined);
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

test('every source that answers in time is returned, and nothing waits for the deadline', async () => {
  const started = Date.now();
  const { results, degraded } = await gather({ a: () => Promise.resolve(1), b: () => after(20, 'two') }, 5_000);
  expect(results).toEqual({ a: 1, b: 'two' });
  expect(degraded).toEqual([]);
  expect(Date.now() - started).toBeLessThan(1_000);
});

test('a source that never settles is named once the deadline has passed, and the others are returned', async () => {
  const started = Date.now();
  const { results, degraded, failures } = await gather({ slow: never, fast: () => after(10, 'ok') }, 150);
  const elapsed = Date.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(140);
  expect(elapsed).toBeLessThan(1_000);
  expect(results).toEqual({ fast: 'ok' });
  expect(degraded).toEqual(['slow']);
  expect(isDomainError(failures.slow) && failures.slow.kind).toBe('unavailable');
  expect((failures.slow as Error).message).toBe('slow did not answer within 150 ms.');
});

test('a source that answers after the deadline is dropped, not waited for', async () => {
  const { results, degraded } = await gather({ late: () => after(300, 'late'), fine: () => Promise.resolve('fine') }, 50);
  expect(results).toEqual({ fine: 'fine' });
  expect(degraded).toEqual(['late']);
});

test('a source that rejects, or throws before returning a promise, is named with what it threw', async () => {
  const refused = new Error('refused');
  const broken = new Error('broken');
  const { results, degraded, failures } = await gather(
    {
      rejects: () => Promise.reject(refused),
      answers: () => Promise.resolve({ n: 3 }),
      throws: (): Promise<number> => {
        throw broken;
      },
    },
    1_000,
  );
  expect(results).toEqual({ answers: { n: 3 } });
  expect(degraded).toEqual(['rejects', 'throws']);
  expect(failures).toEqual({ rejects: refused, throws: broken });
});

test('degraded sources are listed in the order they were given, not the order they failed', async () => {
  const { degraded } = await gather(
    { first: never, second: () => Promise.reject(new Error('no')), third: () => after(5, 'x').then(() => Promise.reject(new Error('no'))) },
    100,
  );
  expect(degraded).toEqual(['first', 'second', 'third']);
});

test('when every source fails, all are named and nothing is returned', async () => {
  const { results, degraded } = await gather({ a: never, b: () => Promise.reject(new Error('down')) }, 50);
  expect(results).toEqual({});
  expect(degraded).toEqual(['a', 'b']);
});
