import type { Schema } from '../../../lib/api';
import { t } from '../../../lib/i18n';

/** A tenant role as the API names it (users and API keys). */
export type TenantRole = Schema<'CreateUserRequest'>['role'];

/** The four roles of API.md's table, most powerful first. */
export const TENANT_ROLES = ['administrator', 'manager', 'operator', 'viewer'] as const satisfies readonly TenantRole[];

export const roleLabel = (role: TenantRole) => t.settings.roles[role];
