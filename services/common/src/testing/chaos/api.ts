/** A reply of the gateway: its status and its parsed JSON body. */
export interface ApiReply {
  status: number;
  body: any;
}

export interface ApiCallOptions {
  body?: unknown;
  /** Sent as `Idempotency-Key`, the same on every retry, as a careful client sends it. */
  idempotencyKey?: string;
  /** How long to keep retrying before giving up (default 60 s). */
  deadlineMs?: number;
}

/**
 * The gateway's HTTP API as a tenant's backend uses it: a call that meets a
 * network error, a 5xx, a 429 or a 409 "key still in flight" is sent again,
 * with the same Idempotency-Key, until its deadline. `attempts` and `retries`
 * count what the faults cost. Given several gateways, each attempt goes to the
 * next one, as through a load balancer.
 */
export class ChaosApi {
  attempts = 0;
  retries = 0;
  private readonly baseUrls: string[];

  constructor(
    baseUrl: string | string[],
    private token?: string,
  ) {
    this.baseUrls = typeof baseUrl === 'string' ? [baseUrl] : baseUrl;
  }

  get baseUrl(): string {
    return this.baseUrls[0]!;
  }

  /** The same API with another credential (an access token or an API key); its counts are its own. */
  as(token: string): ChaosApi {
    return new ChaosApi(this.baseUrls, token);
  }

  /** One attempt; a network error throws. */
  async once(method: string, path: string, options: ApiCallOptions = {}): Promise<ApiReply> {
    this.attempts += 1;
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const base = this.baseUrls[this.attempts % this.baseUrls.length]!;
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body };
  }

  /** Retries as a real client would (see the class); answers the first other reply. */
  async call(method: string, path: string, options: ApiCallOptions = {}): Promise<ApiReply> {
    const deadline = Date.now() + (options.deadlineMs ?? 60_000);
    let delayMs = 50;
    for (;;) {
      let last: string;
      try {
        const reply = await this.once(method, path, options);
        if (!retryable(reply)) return reply;
        last = `${reply.status} ${JSON.stringify(reply.body)}`;
      } catch (err) {
        last = (err as Error).message;
      }
      if (Date.now() > deadline) throw new Error(`${method} ${path}: still failing after ${options.deadlineMs ?? 60_000} ms; last: ${last}`);
      this.retries += 1;
      await new Promise((r) => setTimeout(r, delayMs));
      delayMs = Math.min(1_000, delayMs * 2);
    }
  }

  /** `call`, which must answer `expected`; answers the body. */
  async expect(expected: number, method: string, path: string, options: ApiCallOptions = {}): Promise<any> {
    const reply = await this.call(method, path, options);
    if (reply.status !== expected) throw new Error(`${method} ${path} → ${reply.status} ${JSON.stringify(reply.body)} (expected ${expected})`);
    return reply.body;
  }
}

const retryable = (reply: ApiReply) =>
  reply.status >= 500 || reply.status === 429 || (reply.status === 409 && JSON.stringify(reply.body).includes('idempotency_key_in_flight'));

/** Runs `work` over `items`, `concurrency` at a time. */
export async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
