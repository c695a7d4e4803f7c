import type { Migration } from '@azotte/common';

/**
 * The audit log's filters: an object's history and an actor's doings are
 * the narrow questions worth an index each (newest first, as the log pages);
 * a time range uses `at`. The other filters narrow what these find.
 */
export const auditFilters: Migration = {
  name: '004_audit_filters',
  async up(knex) {
    await knex.schema.alterTable('audit_log', (t) => {
      t.index(['tenant_id', 'object_id', 'id'], 'audit_log_object');
      t.index(['tenant_id', 'actor_id', 'id'], 'audit_log_actor');
      t.index(['tenant_id', 'at'], 'audit_log_at');
    });
  },
};
