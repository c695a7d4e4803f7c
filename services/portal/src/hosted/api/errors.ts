/** A field the API named in a problem document's `errors[]` (`card.number`, `email`, …). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The problem+json every failed call answers (RFC 9457, as CONTRACT.md lists it). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}

/**
 * A failed call: the HTTP status (0 when the API was not reached) and the
 * problem document. The pages decide what a person reads; `message` is the
 * API's English text, for logs and as a last resort.
 */
export class HostedApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'HostedApiError';
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }

  /** The outcome is unknown (never reached, or a backing service was down): a retry may reuse the key. */
  get outcomeUnknown(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504 || this.code === 'idempotency_key_in_flight';
  }
}

export const isHostedApiError = (e: unknown): e is HostedApiError => e instanceof HostedApiError;

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call: its data, or a HostedApiError carrying the problem document. */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new HostedApiError(0, { title: 'offline' });
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const problem: Problem = error && typeof error === 'object' ? (error as Problem) : { status: response.status, title: response.statusText };
  throw new HostedApiError(response.status, problem);
}

/** The page a session's answer leads to when the session itself is over. */
export type SessionEnd = 'invalid' | 'expired' | 'complete';

/** 401/404 on the session's own GET: the secret is unknown; 409: the session ended meanwhile. */
export function sessionEndOf(error: unknown): SessionEnd | undefined {
  if (!isHostedApiError(error)) return undefined;
  if (error.status === 409 && error.code === 'session_expired') return 'expired';
  if (error.status === 409 && error.code === 'session_complete') return 'complete';
  if (error.status === 401) return 'invalid';
  return undefined;
}
