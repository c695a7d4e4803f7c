import { Metadata, status, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import { DomainError, isDomainError, type FieldError } from './domain-error';
import { ERROR_KINDS, kindOfGrpcStatus, type ErrorKind } from './kinds';
import { infrastructureUnavailable, isTransientInfrastructureError } from './transient';

// Trailing metadata that carries a DomainError across a gRPC hop intact.
const KIND = 'x-error-kind';
const CODE = 'x-error-code';
const FIELDS = 'x-error-fields';

/** Turns any error thrown by a handler into the status a gRPC caller receives. */
export function toGrpcStatus(err: unknown): Partial<StatusObject> {
  const domain = isDomainError(err)
    ? err
    : isTransientInfrastructureError(err)
      ? infrastructureUnavailable()
      : new DomainError('internal', 'internal_error', 'An internal error occurred.');
  const metadata = new Metadata();
  metadata.set(KIND, domain.kind);
  metadata.set(CODE, domain.code);
  if (domain.fields.length > 0) metadata.set(FIELDS, JSON.stringify(domain.fields));
  return { code: ERROR_KINDS[domain.kind].grpc, details: domain.message, metadata };
}

/** Turns what a gRPC call failed with back into the DomainError the server threw. */
export function fromGrpcError(err: unknown, service = 'a backing service'): DomainError {
  if (isDomainError(err)) return err;
  const se = err as Partial<ServiceError>;
  if (typeof se.code !== 'number') {
    return new DomainError('internal', 'internal_error', 'An internal error occurred.');
  }
  const meta = se.metadata;
  const kind = (meta?.get(KIND)[0] as ErrorKind | undefined) ?? kindOfGrpcStatus(se.code);
  if (!(kind in ERROR_KINDS)) return new DomainError('internal', 'internal_error', 'An internal error occurred.');
  const code = (meta?.get(CODE)[0] as string | undefined) ?? defaultCode(se.code);
  const rawFields = meta?.get(FIELDS)[0];
  const fields = typeof rawFields === 'string' ? (JSON.parse(rawFields) as FieldError[]) : [];
  const message =
    kind === 'unavailable' && !meta?.get(KIND)[0]
      ? `${service} did not answer in time.`
      : (se.details ?? 'An error occurred.');
  return new DomainError(kind, code, message, fields);
}

function defaultCode(code: status): string {
  if (code === status.DEADLINE_EXCEEDED) return 'deadline_exceeded';
  if (code === status.UNAVAILABLE) return 'service_unavailable';
  return 'internal_error';
}
