import { newId, type CallContext } from '@azotte/common';
import { findUserByEmail, insertPlatformAdminIfAbsent } from '../store/users';
import type { Deps } from './deps';
import { hashPassword } from './passwords';

export interface EnsurePlatformAdminRequest {
  email: string;
  password: string;
}

/**
 * Creates the platform administrator at first start (PLATFORM_ADMIN_EMAIL /
 * PLATFORM_ADMIN_PASSWORD). Once the account exists it is left alone: a
 * restart never resets a password. It belongs to no tenant, so it has no
 * tenant event either.
 */
export async function ensurePlatformAdmin(
  deps: Deps,
  _ctx: CallContext,
  request: EnsurePlatformAdminRequest,
): Promise<{ created: boolean }> {
  const email = request.email.trim().toLowerCase();
  const existing = await findUserByEmail(deps.db, email);
  if (existing) {
    if (existing.role !== 'platform_admin') {
      deps.logger.warn({ email, userId: existing.id }, 'PLATFORM_ADMIN_EMAIL belongs to a tenant user; no platform administrator created');
    }
    return { created: false };
  }
  const now = deps.clock.now();
  const id = newId('usr');
  const created = await insertPlatformAdminIfAbsent(deps.db, {
    id,
    email,
    name: 'Platform administrator',
    role: 'platform_admin',
    password_hash: await hashPassword(request.password),
    disabled: false,
    created_at: now,
    updated_at: now,
  });
  if (created) deps.logger.info({ email, userId: id }, 'platform administrator created');
  return { created };
}
