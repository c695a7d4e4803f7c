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

describe('a failure of the servers under a call is a 503 to retry, not a bug', () => {
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

  test.each([
    ['Postgres out of connections', pgError('53300', 'sorry, too many clients already')],
    ['Postgres shutting down', pgError('57P01', 'terminating connection due to administrator command')],
    ['Postgres starting up', pgError('57P03', 'the database system is starting up')],
    ['a connection exception', pgError('08006', 'connection failure')],
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['the pool giving up', Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' })],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
  ])('%s leaves as unavailable', (_what, err) => {
    const wire = toGrpcStatus(err);
    expect(wire.code).toBe(status.UNAVAILABLE);
    expect(fromGrpcError({ ...wire, message: 'x' })).toMatchObject({ kind: 'unavailable', code: 'temporarily_unavailable' });
  });

  test.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', pgError('42601', 'syntax error at or near "SELEC"')],
  ])('%s is still a bug (internal)', (_what, err) => {
    expect(toGrpcStatus(err).code).toBe(status.INTERNAL);
  });
});
