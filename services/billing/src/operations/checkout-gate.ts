/**
 * How completions of checkout sessions queue in one process, before each
 * takes its session's advisory lock in Postgres (which is what serializes
 * them across replicas).
 *
 * A completion holds one pooled connection for its whole run (the
 * transaction that holds the advisory lock) and needs up to two more at a
 * time for the writes it makes on the way (the subscription's transaction
 * and the provider's own record of the charge). Calls waiting on the lock in
 * Postgres would each hold a connection too: twenty retries of one page could
 * take the whole pool and leave the holder none, a deadlock that ends only
 * when connections time out. So calls on the same session wait here, in
 * memory, and at most `slots` completions run at once.
 */
export class CheckoutGate {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waiting: Array<() => void> = [];
  private running = 0;

  constructor(private readonly slots: number) {}

  /** The gate of a service whose pool has `poolMax` connections. */
  static forPool(poolMax: number): CheckoutGate {
    return new CheckoutGate(Math.max(1, poolMax - 2));
  }

  /** Runs `fn` after every earlier call with the same key has ended, within the limit of slots. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    try {
      await previous;
      return await this.inSlot(fn);
    } finally {
      done();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  private async inSlot<T>(fn: () => Promise<T>): Promise<T> {
    // A finishing call hands its slot to the first waiter, so `running` counts slots in use.
    if (this.running < this.slots) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
