import type { Migration } from '@azotte/common';
import { init } from './001_init';
import { storefrontsAndProviders } from './002_storefronts_providers';
import { auditAndUsage } from './003_audit_usage';
import { auditFilters } from './004_audit_filters';

/** The tenant service's own migrations, in order (the outbox and inbox come from common). */
export const migrations: Migration[] = [init, storefrontsAndProviders, auditAndUsage, auditFilters];
