import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, scopeKey, unwrap } from '../../../lib/api';
import type { AuditLogQuery } from './filters';

const PAGE_SIZE = 25;

/** One page of GET /audit-log for the filters' query. */
export function useAuditLog(query: AuditLogQuery, cursor: string | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'audit-log', query, { cursor }],
    queryFn: () => unwrap(api.GET('/audit-log', { params: { query: { ...query, limit: PAGE_SIZE, cursor } } })),
    placeholderData: keepPreviousData,
  });
}
