import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, scopeKey, unwrap, type Schema } from '../../../lib/api';

export type Tenant = Schema<'Tenant'>;
export type UpdateTenant = Schema<'UpdateTenantRequest'>;

export const profileKey = () => [scopeKey(), 'tenant-profile'] as const;

/** The signed-in tenant's profile (GET /tenants/{id}). */
export function useTenantProfile(tenantId: string | null | undefined) {
  return useQuery({
    queryKey: [...profileKey(), tenantId],
    queryFn: () => unwrap(api.GET('/tenants/{id}', { params: { path: { id: tenantId! } } })),
    enabled: Boolean(tenantId),
  });
}

/** PATCH /tenants/{id}; the shell's tenant name (GET /me) is asked again, as it may have changed. */
export function useUpdateTenant(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTenant) => unwrap(api.PATCH('/tenants/{id}', { params: { path: { id: tenantId } }, body })),
    onSuccess: (tenant) => {
      queryClient.setQueryData([...profileKey(), tenantId], tenant);
      void queryClient.invalidateQueries({ queryKey: profileKey() });
      void queryClient.invalidateQueries({ queryKey: [scopeKey(), 'me'] });
    },
  });
}
