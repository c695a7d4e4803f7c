import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './generated/schema';

export interface AzotteClientOptions {
  /** The API's address, `/api/v1` included: `https://azotte.example.com/api/v1`. */
  baseUrl: string;
  /**
   * Sent as `Authorization: Bearer <apiKey>` on every request: an API key (`azk_…`, bound
   * to one environment and one role), or an access token from `POST /auth/login`.
   */
  apiKey?: string;
  /** Another fetch (one with a proxy, a test's); `globalThis.fetch` by default. */
  fetch?: ClientOptions['fetch'];
  /** Headers for every request, e.g. `{ 'X-Environment': 'sandbox' }` with a user's access token. */
  headers?: Record<string, string>;
}

/** openapi-fetch's client over every path of the API: `azotte.GET('/customers/{id}', { params: { path: { id } } })`. */
export type AzotteClient = Client<paths>;

/**
 * A client of Azotte's HTTP API, typed from the gateway's own OpenAPI document. Calls answer
 * openapi-fetch's `{ data, error, response }`, with `error` typed as the problem document;
 * wrap a call in `unwrap()` to get its data or an `AzotteApiError` thrown.
 */
export function createAzotteClient(options: AzotteClientOptions): AzotteClient {
  if (!options.baseUrl) throw new Error('createAzotteClient: baseUrl is required, e.g. https://azotte.example.com/api/v1');
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
  return createClient<paths>({ baseUrl: options.baseUrl, headers, ...(options.fetch ? { fetch: options.fetch } : {}) });
}

/**
 * The `Idempotency-Key` header, for a POST that creates something or moves money:
 * `azotte.POST('/subscriptions', { body, params: { header: idempotencyKey(`order-${order.id}`) } })`.
 * The gateway keeps the first answer for 24 hours and replays it to a retry with the same key
 * and body, doing nothing again; the same key with another body is a 422, and a retry while the
 * first is still running a 409. Make the key once per action (an order's id is a good one) and
 * send it again on every retry: a fresh key per attempt protects nothing.
 */
export function idempotencyKey(key: string = crypto.randomUUID()): { 'Idempotency-Key': string } {
  if (key.length < 1 || key.length > 255) throw new RangeError('An Idempotency-Key is 1 to 255 characters.');
  return { 'Idempotency-Key': key };
}
