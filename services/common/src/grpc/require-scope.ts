import type { CallContext, Scope } from '../context/scope';
import { DomainError } from '../errors/domain-error';

/** The scope of a call that must have one; a call without is refused, never served unscoped. */
export function requireScope(ctx: CallContext): Scope {
  if (!ctx.scope) throw new DomainError('unauthenticated', 'scope_missing', 'This call needs a tenant and an environment.');
  return ctx.scope;
}

/** The tenant of a call that must have one. */
export function requireTenant(ctx: CallContext): string {
  const tenantId = ctx.scope?.tenantId ?? ctx.tenantId;
  if (!tenantId) throw new DomainError('unauthenticated', 'tenant_missing', 'This call needs a tenant.');
  return tenantId;
}
