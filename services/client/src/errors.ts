import type { components } from './generated/schema';

/** A field the API refused: `path` names it as the request did (`email`, `card.number`, `metadata.plan`). */
export type FieldError = NonNullable<components['schemas']['Problem']['errors']>[number];

/**
 * The RFC 9457 problem document every failure of the API answers with. `code` is stable
 * snake_case (`invalid_request`, `email_taken`, `card_declined`); a declined payment adds
 * the provider's `declineCode`.
 */
export type Problem = components['schemas']['Problem'] & { declineCode?: string };

/**
 * A failed call of the API, with the problem document it answered. Branch on `status` and
 * `code`, never on `message`; a 400 lists every invalid field in `fields` at once.
 * An answer that is not a problem document (a proxy's 502 page, say) has the code
 * `unexpected_response`. A request that never got an answer is fetch's own error, not this.
 */
export class AzotteApiError extends Error {
  override readonly name = 'AzotteApiError';
  /** The HTTP status of the answer. */
  readonly status: number;
  readonly code: string;
  /** Each invalid field, for a 400; empty otherwise. */
  readonly fields: readonly FieldError[];
  /** The provider's decline code, for a 402. */
  readonly declineCode: string | undefined;
  readonly problem: Problem;
  /** The answer's headers (`Retry-After` on a 429). */
  readonly headers: Headers;

  constructor(status: number, problem: Problem, headers: Headers = new Headers()) {
    const fields = problem.errors ?? [];
    const named = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    super(named ? `${problem.detail} (${named})` : problem.detail);
    this.status = status;
    this.code = problem.code;
    this.fields = fields;
    this.declineCode = problem.declineCode;
    this.problem = problem;
    this.headers = headers;
  }

  /** The error for a failed answer whose body was already read (openapi-fetch's `error`). */
  static fromResponse(response: Response, body: unknown): AzotteApiError {
    const problem: Problem = isProblem(body)
      ? body
      : {
          type: 'about:blank',
          title: response.statusText || `HTTP ${response.status}`,
          status: response.status,
          detail: `The API answered ${response.status} without a problem document.`,
          code: 'unexpected_response',
        };
    return new AzotteApiError(response.status, problem, response.headers);
  }
}

function isProblem(body: unknown): body is Problem {
  if (!body || typeof body !== 'object') return false;
  const { code, detail, status } = body as Record<string, unknown>;
  return typeof code === 'string' && typeof detail === 'string' && typeof status === 'number';
}

/**
 * Awaits a call of the client and returns its data, or throws an AzotteApiError:
 * `const customer = await unwrap(azotte.POST('/customers', { body }))`.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw AzotteApiError.fromResponse(response, error);
  return data as T;
}
