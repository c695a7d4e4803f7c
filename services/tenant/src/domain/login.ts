import { unauthenticated, type CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { findUserByEmail, toUser } from '../store/users';
import type { Deps } from './deps';
import { verifyPassword } from './passwords';

export const INVALID_LOGIN = 'Invalid email or password.';

/**
 * Checks an email and password. An unknown email, a wrong password and a
 * disabled user get the same answer after the same work, so a caller learns
 * nothing about which emails exist.
 */
export async function login(deps: Deps, _ctx: CallContext, request: tenantV1.LoginRequest): Promise<tenantV1.LoginResponse> {
  const email = request.email.trim();
  const user = email ? await findUserByEmail(deps.db, email) : undefined;
  const passwordMatches = await verifyPassword(user?.password_hash, request.password);
  if (!user || !passwordMatches || user.disabled) throw unauthenticated(INVALID_LOGIN);
  return { user: toUser(user) };
}
