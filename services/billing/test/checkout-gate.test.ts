import { CheckoutGate } from '../src/operations/checkout-gate';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the checkout gate', () => {
  it('runs calls with one key one at a time, in order, even when one fails', async () => {
    const gate = new CheckoutGate(4);
    const log: string[] = [];
    const step = (name: string, fail = false) =>
      gate.run('cs_1', async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([step('a'), step('b', true), step('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('runs at most `slots` calls at once across keys', async () => {
    const gate = new CheckoutGate(2);
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        gate.run(`cs_${i}`, async () => {
          running++;
          most = Math.max(most, running);
          await tick();
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
  });

  it('keeps two connections for the writes of the running completion: slots are the pool less two, at least one', () => {
    expect((CheckoutGate.forPool(3) as unknown as { slots: number }).slots).toBe(1);
    expect((CheckoutGate.forPool(10) as unknown as { slots: number }).slots).toBe(8);
  });
});
