/**
 * Answers kept for a few seconds and shared by the requests that ask the same
 * thing meanwhile: concurrent requests for one key wait for one load, and the
 * answer serves every request until it is `ttlMs` old. A failed load, or an
 * answer `keep` refuses, is not kept. At most `maxEntries` keys; the oldest go first.
 */
export class ShortCache<T> {
  private readonly entries = new Map<string, { answer: Promise<T>; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly options: { maxEntries?: number; now?: () => number } = {},
  ) {}

  get(key: string, load: () => Promise<T>, keep: (answer: T) => boolean = () => true): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const now = (this.options.now ?? Date.now)();
    const entry = this.entries.get(key);
    if (entry && entry.expires > now) return entry.answer;
    if (entry) this.entries.delete(key);

    const answer = load();
    // Until it settles, the load serves whoever asks the same; then it is kept only if it may be.
    const held = { answer, expires: Number.POSITIVE_INFINITY };
    this.entries.set(key, held);
    this.evict();
    answer.then(
      (value) => {
        if (this.entries.get(key) !== held) return;
        if (keep(value)) held.expires = (this.options.now ?? Date.now)() + this.ttlMs;
        else this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === held) this.entries.delete(key);
      },
    );
    return answer;
  }

  private evict(): void {
    const max = this.options.maxEntries ?? 10_000;
    for (const key of this.entries.keys()) {
      if (this.entries.size <= max) return;
      this.entries.delete(key);
    }
  }
}
