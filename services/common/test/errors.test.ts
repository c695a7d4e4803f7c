import { status } from '@grpc/grpc-js';
import { DomainError, ERROR_KINDS, fromGrpcError, toGrpcStatus, type ErrorKind } from '../src/errors';

describe('a domain error crosses gRPC intact', () => {
  test.each(Object.keys(ERROR_KINDS) as ErrorKind[])('kind %s keeps its kind, code, message and fields', (kind) => {
    const original = new DomainError(kind, 'some_code', 'Something happened.', [{ path: 'a.b', message: 'is wrong' }]);
    const wire = toGrpcStatus(original);
    expect(wire.code).toBe(ERROR_KINDS[kind].grpc);
    const back = fromGrpcError({ ...wire, message: 'x' });
    expect(back).toMatchObject({ kind, code: 'some_code', message: 'Something happened.' });
    expect(back.fields).toEqual([{ path: 'a.b', message: 'is wrong' }]);
  });

  it('hides a bug behind a generic internal error', () => {
    const wire = toGrpcStatus(new TypeError('cannot read properties of undefined (secret detail)'));
    expect(wire.code).toBe(status.INTERNAL);
    expect(wire.details).not.toContain('secret');
  });

  it('maps a transport failure to unavailable, naming the service', () => {
    const err = fromGrpcError({ code: status.DEADLINE_EXCEEDED, details: 'Deadline exceeded' }, 'tenant');
    expect(err.kind).toBe('unavailable');
    expect(err.message).toContain('tenant');
    expect(ERROR_KINDS[err.kind].http).toBe(503);
  });
});
