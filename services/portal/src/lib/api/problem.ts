import type { FieldError, Problem as ApiProblem } from '@azotte/client';
import { t } from '../i18n';

/** A field the API named in a problem document's `errors[]`. */
export type FieldProblem = FieldError;

/**
 * An RFC 9457 problem document as the gateway answers it; every member optional, as the
 * portal makes one itself when the API was not reached or answered something else.
 */
export type Problem = Partial<ApiProblem>;

/**
 * Every failed call: the HTTP status (0 when the API could not be reached) and
 * the problem document. `message` is what a person should read.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }

  /** Worth retrying: the connection failed, or a backing service was down. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 503 || this.status === 502 || this.status === 504;
  }

  static offline(): ApiError {
    return new ApiError(0, { title: t.app.errors.title, detail: t.app.errors.offline });
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
