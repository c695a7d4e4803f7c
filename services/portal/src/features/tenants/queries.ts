import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, scopeKey, unwrap, type Schema } from '../../lib/api';

export type Tenant = Schema<'Tenant'>;
export type CreateTenant = Schema<'CreateTenantRequest'>;

const PAGE_SIZE = 20;
const tenantsKey = () => [scopeKey(), 'tenants'] as const;

/**
 * The platform's own view, never that of the tenant the tab acts in: an empty
 * X-Tenant-Id (the client adds the acted-in one only when none is set) asks
 * as the platform administrator.
 */
const AS_PLATFORM = { 'X-Tenant-Id': '' } as const;

export function useTenants(cursor: string | undefined) {
  return useQuery({
    queryKey: [...tenantsKey(), { cursor }],
    queryFn: () => unwrap(api.GET('/tenants', { params: { query: { limit: PAGE_SIZE, cursor } }, headers: AS_PLATFORM })),
    placeholderData: keepPreviousData,
  });
}

export function useTenant(id: string) {
  return useQuery({
    queryKey: [...tenantsKey(), id],
    queryFn: () => unwrap(api.GET('/tenants/{id}', { params: { path: { id } }, headers: AS_PLATFORM })),
  });
}

/** POST /tenants with the submit's Idempotency-Key: the tenant, its two environments and its first administrator. */
export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateTenant; key: string }) =>
      unwrap(api.POST('/tenants', { body, headers: { ...AS_PLATFORM, 'Idempotency-Key': key } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tenantsKey() }),
  });
}
