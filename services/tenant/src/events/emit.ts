import { enqueueEvent, runWithContext, type CallContext, type Db, type EnvironmentKind } from '@azotte/common';

/** Where an event belongs: a tenant, and for environment-level objects one of its environments. */
export interface EventScope {
  tenantId: string;
  environment?: { id: string; kind: EnvironmentKind };
}

/**
 * Writes an event to the outbox in the caller's transaction, with exactly the
 * scope given. The call's own scope is not borrowed: a tenant-level change
 * (a user) carries no environment, and a change made for another tenant (the
 * platform administrator creating one) carries that tenant, not the caller's.
 */
export function emit(trx: Db, ctx: CallContext, type: string, payload: unknown, scope: EventScope): Promise<string> {
  const exact: CallContext = {
    actor: ctx.actor,
    tenantId: scope.tenantId,
    scope: scope.environment
      ? { tenantId: scope.tenantId, environmentId: scope.environment.id, environmentKind: scope.environment.kind }
      : undefined,
    requestId: ctx.requestId,
  };
  return runWithContext(exact, () =>
    enqueueEvent(trx, {
      type,
      payload,
      scope: {
        tenantId: scope.tenantId,
        environmentId: scope.environment?.id,
        environmentKind: scope.environment?.kind,
      },
    }),
  );
}
