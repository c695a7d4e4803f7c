import { Metadata } from '@grpc/grpc-js';
import { contextFromMetadata, contextToMetadata, MD } from '../src/grpc/metadata';
import type { CallContext } from '../src/context/scope';

const scope = { tenantId: 'ten_1', environmentId: 'env_1', environmentKind: 'sandbox' as const };

describe('the call context across a gRPC hop', () => {
  test.each([
    { type: 'user', id: 'usr_1', role: 'manager' },
    { type: 'api_key', id: 'key_1', role: 'operator' },
    { type: 'hosted_session', id: 'cs_1', role: 'viewer' },
    { type: 'user', id: 'usr_admin', role: 'platform_admin' },
  ] as const)('a $type actor arrives as sent', (actor) => {
    const ctx: CallContext = { actor: { ...actor }, tenantId: scope.tenantId, scope };
    const read = contextFromMetadata(contextToMetadata(ctx));
    expect(read.actor).toEqual(actor);
    expect(read.scope).toEqual(scope);
  });

  test('a call naming no actor acts as the anonymous system', () => {
    expect(contextFromMetadata(new Metadata()).actor).toEqual({ type: 'system', id: 'anonymous', role: 'system' });
  });

  test.each([
    ['an unknown actor type', { type: 'robot', role: 'manager' }],
    ['an unknown role', { type: 'user', role: 'owner' }],
    ['a type without a role', { type: 'user' }],
    ['a role without a type', { role: 'administrator' }],
  ])('%s is refused as unauthenticated, never read as the system', (_what, sent: { type?: string; role?: string }) => {
    const metadata = new Metadata();
    if (sent.type) metadata.set(MD.actorType, sent.type);
    if (sent.role) metadata.set(MD.actorRole, sent.role);
    metadata.set(MD.actorId, 'x_1');
    expect(() => contextFromMetadata(metadata)).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
  });
});
