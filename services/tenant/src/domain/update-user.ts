import { notFound, unprocessable, type CallContext } from '@azotte/common';
import { EVENTS, eventsV1, type tenantV1 } from '@azotte/proto';
import { emit } from '../events/emit';
import { lockTenant } from '../store/tenants';
import { countOtherActiveAdministrators, findTenantUser, toUser, updateUser as saveUser } from '../store/users';
import { ADMINISTRATORS, tenantFor } from './access';
import type { Deps } from './deps';
import { updateUserSchema, validate } from './validation';

/**
 * Changes a user's role or disables (enables) them. A tenant always keeps at
 * least one enabled administrator, or nobody could manage it any more.
 */
export async function updateUser(deps: Deps, ctx: CallContext, request: tenantV1.UpdateUserRequest): Promise<tenantV1.User> {
  const tenantId = tenantFor(ctx, ADMINISTRATORS);
  const input = validate(updateUserSchema, request);

  return deps.db.transaction(async (trx) => {
    // The tenant's row lock serialises user changes, so two administrators demoting each
    // other at the same moment cannot both succeed.
    await lockTenant(trx, tenantId);
    const stored = request.id ? await findTenantUser(trx, tenantId, request.id) : undefined;
    if (!stored) throw notFound('user', request.id);

    const next = { ...stored, role: input.role ?? stored.role, disabled: input.disabled ?? stored.disabled };
    if (next.role === stored.role && next.disabled === stored.disabled) return toUser(stored);

    const wasActiveAdmin = stored.role === 'administrator' && !stored.disabled;
    const staysActiveAdmin = next.role === 'administrator' && !next.disabled;
    if (wasActiveAdmin && !staysActiveAdmin && (await countOtherActiveAdministrators(trx, tenantId, stored.id)) === 0) {
      throw unprocessable('last_administrator', 'A tenant must keep at least one enabled administrator.');
    }

    next.updated_at = deps.clock.now();
    await saveUser(trx, tenantId, stored.id, { role: next.role, disabled: next.disabled, updated_at: next.updated_at });
    const user = toUser(next);
    await emit(trx, ctx, EVENTS.tenant.userUpdated, eventsV1.UserChanged.toJSON({ user }), { tenantId });
    return user;
  });
}
