import type { Role } from '@azotte/common';

/** The role table's `webhooks` row (API.md): W for Administrators, R for Managers, nothing for the rest. */
export const WEBHOOK_WRITERS: readonly Role[] = ['administrator'];
export const WEBHOOK_READERS: readonly Role[] = ['administrator', 'manager'];
