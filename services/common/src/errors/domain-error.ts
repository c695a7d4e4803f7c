import type { ErrorKind } from './kinds';

/** One invalid field: `path` is dotted (`regional.currencies.1`), `message` says what is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * A failure a caller can act on. `code` is a stable snake_case identifier
 * (`customer_not_found`, `slug_taken`) that clients may switch on; `message`
 * is for people. Keeps its type across gRPC hops and up to the HTTP edge.
 */
export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(kind: ErrorKind, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.fields = fields;
  }
}

export const isDomainError = (err: unknown): err is DomainError => err instanceof DomainError;

export const invalidArgument = (fields: FieldError[], message = 'The request has invalid fields.') =>
  new DomainError('invalid_argument', 'invalid_request', message, fields);

export const notFound = (what: string, id?: string) =>
  new DomainError('not_found', `${what}_not_found`, id ? `No such ${what}: ${id}` : `No such ${what}.`);

export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);

export const unprocessable = (code: string, message: string, fields: FieldError[] = []) =>
  new DomainError('unprocessable', code, message, fields);

export const unauthenticated = (message = 'Invalid credentials.') =>
  new DomainError('unauthenticated', 'unauthenticated', message);

export const permissionDenied = (message = 'Your role does not allow this.') =>
  new DomainError('permission_denied', 'forbidden', message);

export const unavailable = (what: string, message?: string) =>
  new DomainError('unavailable', 'service_unavailable', message ?? `${what} is unavailable.`);
