import { ShortCache } from '../src/http/short-cache';

function counter() {
  let loads = 0;
  const pending: Array<{ resolve: (v: string) => void; reject: (e: Error) => void }> = [];
  return {
    load: () => {
      loads += 1;
      return new Promise<string>((resolve, reject) => pending.push({ resolve, reject }));
    },
    get loads() {
      return loads;
    },
    settle: (value: string) => pending.shift()!.resolve(value),
    fail: () => pending.shift()!.reject(new Error('source down')),
  };
}

describe('a short cache of answers', () => {
  let now = 1_000;
  const clock = { now: () => now };
  beforeEach(() => {
    now = 1_000;
  });

  it('makes one load for the requests that ask the same thing at once, and serves the answer until it is ttl old', async () => {
    const cache = new ShortCache<string>(2_000, clock);
    const source = counter();
    const asked = [cache.get('env/30d', source.load), cache.get('env/30d', source.load), cache.get('env/30d', source.load)];
    source.settle('figures');
    expect(await Promise.all(asked)).toEqual(['figures', 'figures', 'figures']);
    expect(source.loads).toBe(1);
    now += 1_999;
    expect(await cache.get('env/30d', source.load)).toBe('figures');
    expect(source.loads).toBe(1);
    now += 1;
    const fresh = cache.get('env/30d', source.load);
    source.settle('newer figures');
    expect(await fresh).toBe('newer figures');
    expect(source.loads).toBe(2);
  });

  it('keeps each key apart', async () => {
    const cache = new ShortCache<string>(2_000, clock);
    const source = counter();
    const a = cache.get('env_a/30d', source.load);
    const b = cache.get('env_b/30d', source.load);
    source.settle('a');
    source.settle('b');
    expect([await a, await b]).toEqual(['a', 'b']);
    expect(source.loads).toBe(2);
  });

  it('keeps neither a failure nor an answer it is told not to keep', async () => {
    const cache = new ShortCache<string>(2_000, clock);
    const source = counter();
    const failed = cache.get('k', source.load);
    source.fail();
    await expect(failed).rejects.toThrow('source down');
    const degraded = cache.get('k', source.load, (answer) => answer !== 'degraded');
    source.settle('degraded');
    expect(await degraded).toBe('degraded');
    const next = cache.get('k', source.load);
    source.settle('whole');
    expect(await next).toBe('whole');
    expect(source.loads).toBe(3);
  });

  it('with a ttl of 0 loads every time', async () => {
    const cache = new ShortCache<string>(0, clock);
    const source = counter();
    const first = cache.get('k', source.load);
    const second = cache.get('k', source.load);
    source.settle('1');
    source.settle('2');
    expect([await first, await second]).toEqual(['1', '2']);
  });

  it('holds at most maxEntries keys, dropping the oldest', async () => {
    const cache = new ShortCache<string>(60_000, { ...clock, maxEntries: 2 });
    const source = counter();
    for (const key of ['a', 'b', 'c']) {
      const p = cache.get(key, source.load);
      source.settle(key);
      await p;
    }
    expect(source.loads).toBe(3);
    const again = cache.get('a', source.load);
    source.settle('a again');
    expect(await again).toBe('a again');
    expect(source.loads).toBe(4);
  });
});
