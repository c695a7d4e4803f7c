import { status } from '@grpc/grpc-js';

/**
 * The kinds of failure a domain operation can report. Each kind has exactly one
 * gRPC status and one HTTP status: this table is the single mapping between
 * the two worlds (STYLE.md habit 4).
 */
export type ErrorKind =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'payment_required'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface KindMapping {
  grpc: status;
  http: number;
  title: string;
}

export const ERROR_KINDS: Readonly<Record<ErrorKind, KindMapping>> = {
  invalid_argument: { grpc: status.INVALID_ARGUMENT, http: 400, title: 'Invalid request' },
  unauthenticated: { grpc: status.UNAUTHENTICATED, http: 401, title: 'Unauthenticated' },
  payment_required: { grpc: status.FAILED_PRECONDITION, http: 402, title: 'Payment declined' },
  permission_denied: { grpc: status.PERMISSION_DENIED, http: 403, title: 'Forbidden' },
  not_found: { grpc: status.NOT_FOUND, http: 404, title: 'Not found' },
  conflict: { grpc: status.ABORTED, http: 409, title: 'Conflict' },
  unprocessable: { grpc: status.FAILED_PRECONDITION, http: 422, title: 'Unprocessable' },
  payload_too_large: { grpc: status.RESOURCE_EXHAUSTED, http: 413, title: 'Payload too large' },
  rate_limited: { grpc: status.RESOURCE_EXHAUSTED, http: 429, title: 'Too many requests' },
  unavailable: { grpc: status.UNAVAILABLE, http: 503, title: 'Service unavailable' },
  internal: { grpc: status.INTERNAL, http: 500, title: 'Internal error' },
};

/** The kind of a gRPC status that did not come with an explicit kind (a transport failure, say). */
export function kindOfGrpcStatus(code: status): ErrorKind {
  switch (code) {
    case status.INVALID_ARGUMENT:
    case status.OUT_OF_RANGE:
      return 'invalid_argument';
    case status.UNAUTHENTICATED:
      return 'unauthenticated';
    case status.PERMISSION_DENIED:
      return 'permission_denied';
    case status.NOT_FOUND:
      return 'not_found';
    case status.ALREADY_EXISTS:
    case status.ABORTED:
      return 'conflict';
    case status.FAILED_PRECONDITION:
      return 'unprocessable';
    case status.RESOURCE_EXHAUSTED:
      return 'rate_limited';
    case status.UNAVAILABLE:
    case status.DEADLINE_EXCEEDED:
    case status.CANCELLED:
      return 'unavailable';
    default:
      return 'internal';
  }
}
