import { conflict, newId, type CallContext } from '@azotte/common';
import { EVENTS, eventsV1, type tenantV1 } from '@azotte/proto';
import { emit } from '../events/emit';
import { isUniqueViolation } from '../store/db-errors';
import { EMAIL_UNIQUE, insertUser, toUser, type UserRow } from '../store/users';
import { ADMINISTRATORS, tenantFor } from './access';
import type { Deps } from './deps';
import { hashPassword } from './passwords';
import { createUserSchema, validate } from './validation';

export async function createUser(deps: Deps, ctx: CallContext, request: tenantV1.CreateUserRequest): Promise<tenantV1.User> {
  const tenantId = tenantFor(ctx, ADMINISTRATORS);
  const input = validate(createUserSchema, request);
  const now = deps.clock.now();
  const row: UserRow = {
    id: newId('usr'),
    tenant_id: tenantId,
    email: input.email,
    name: input.name,
    role: input.role,
    password_hash: await hashPassword(input.password),
    disabled: false,
    created_at: now,
    updated_at: now,
  };
  const user = toUser(row);
  try {
    await deps.db.transaction(async (trx) => {
      await insertUser(trx, tenantId, row);
      await emit(trx, ctx, EVENTS.tenant.userCreated, eventsV1.UserChanged.toJSON({ user }), { tenantId });
    });
  } catch (err) {
    // Emails are unique across tenants (login is by email alone).
    if (isUniqueViolation(err, EMAIL_UNIQUE)) throw conflict('email_taken', 'A user with this email already exists.');
    throw err;
  }
  return user;
}
