import { z } from 'zod';
import type { Api } from '../http/api';
import { listOf, listResponse, PageQuery, pageOf, Timestamp } from '../http/schemas';

/** `GET /audit-log`: the Administrator's row of the role table. */

const AuditEntry = z
  .object({
    id: z.string(),
    environmentId: z.string().nullable(),
    actor: z.object({ type: z.string(), id: z.string() }),
    action: z.string(),
    object: z.object({ type: z.string(), id: z.string() }),
    at: Timestamp,
  })
  .openapi('AuditEntry');

const DateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2026-03-01T00:00:00Z' });
const Filter = (description: string) => z.string().min(1).max(200).optional().openapi({ description });

export const AuditLogQuery = PageQuery.extend({
  actorId: Filter('The user or API key that acted (`usr_…`, `key_…`), or `system`.'),
  action: Filter('An event type, e.g. `tenant.user.created.v1`.'),
  objectType: Filter('The kind of object acted on, e.g. `user`, `storefront`, `subscription`.'),
  objectId: Filter('The object acted on: its history.'),
  environmentId: Filter('Entries of one environment (`env_…`); tenant-wide entries (users, API keys) have none.'),
  from: DateTime.optional().openapi({ format: 'date-time', description: 'Entries at or after it.', example: '2026-03-01T00:00:00Z' }),
  to: DateTime.optional().openapi({ format: 'date-time', description: 'Entries strictly before it.', example: '2026-04-01T00:00:00Z' }),
}).refine((q) => Date.parse(q.from!) < Date.parse(q.to!), {
  path: ['from'],
  message: 'must be before to',
  // Checked even when another parameter is invalid, so that every problem is named at once.
  when: ({ value }) => {
    const { from, to } = value as { from?: unknown; to?: unknown };
    return DateTime.safeParse(from).success && DateTime.safeParse(to).success;
  },
});

export function auditLogRoutes(api: Api): void {
  api.add({
    method: 'get',
    path: '/audit-log',
    summary: 'Who did what, when, newest first: built from every state-change event; every filter is optional and they combine',
    tag: 'Audit log',
    auth: { area: 'administration', access: 'read' },
    query: AuditLogQuery,
    response: listOf(AuditEntry, 'AuditLog'),
    async handler({ query }) {
      const res = await api.clients.tenant.listAuditLog({
        page: pageOf(query),
        actorId: query.actorId ?? '',
        action: query.action ?? '',
        objectType: query.objectType ?? '',
        objectId: query.objectId ?? '',
        environmentId: query.environmentId ?? '',
        from: query.from,
        to: query.to,
      });
      return listResponse(res, (e) => ({
        id: e.id,
        environmentId: e.environmentId || null,
        actor: { type: e.actorType, id: e.actorId },
        action: e.action,
        object: { type: e.objectType, id: e.objectId },
        at: e.at ?? '',
      }));
    },
  });
}
