import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '@azotte/client';
import { ApiError, type Problem } from './problem';
import { currentScope } from './scope';

/**
 * The one API client, typed from the gateway's OpenAPI document. It sends the
 * tab's scope headers on every request and the session cookie (same origin);
 * no credential ever passes through script.
 */
export const api = createClient<paths>({ baseUrl: '/api/v1', credentials: 'same-origin' });

const scopeHeaders: Middleware = {
  onRequest({ request }) {
    if (!request.headers.has('X-Environment')) request.headers.set('X-Environment', currentScope.environment);
    if (currentScope.tenantId && !request.headers.has('X-Tenant-Id')) request.headers.set('X-Tenant-Id', currentScope.tenantId);
    return request;
  },
};
api.use(scopeHeaders);

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called for every 401: the shell sends the person to sign in, and back afterwards. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError
 * carrying the problem document (status 0 when the API was not reached).
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw ApiError.offline();
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const problem: Problem = error && typeof error === 'object' ? (error as Problem) : { status: response.status, title: response.statusText };
  const failure = new ApiError(response.status, problem);
  if (response.status === 401) for (const listener of unauthenticatedListeners) listener(failure);
  throw failure;
}

/** A fresh Idempotency-Key for one person's action (a form submit); a retry of the same action reuses it. */
export const newIdempotencyKey = () => crypto.randomUUID();
