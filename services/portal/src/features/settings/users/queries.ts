import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, scopeKey, unwrap, type Schema } from '../../../lib/api';

export type User = Schema<'User'>;
export type CreateUser = Schema<'CreateUserRequest'>;
export type UpdateUser = Schema<'UpdateUserRequest'>;

export const PAGE_SIZE = 20;
const usersKey = () => [scopeKey(), 'users'] as const;

/** One page of GET /users; the previous page stays on screen while the next loads. */
export function useUsers(cursor: string | undefined) {
  return useQuery({
    queryKey: [...usersKey(), { cursor }],
    queryFn: () => unwrap(api.GET('/users', { params: { query: { limit: PAGE_SIZE, cursor } } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * The first hundred users by id, to name the people in the audit log. A
 * tenant with more shows the others by their id, which is what the log holds.
 */
export function useUserDirectory(enabled = true) {
  return useQuery({
    queryKey: [...usersKey(), 'directory'],
    queryFn: async () => {
      const page = await unwrap(api.GET('/users', { params: { query: { limit: 100 } } }));
      return new Map(page.data.map((user) => [user.id, user]));
    },
    enabled,
    staleTime: 60_000,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateUser; key: string }) => unwrap(api.POST('/users', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersKey() }),
  });
}

/** PATCH /users/{id}: a role change, or disable/enable. The list is asked again (the user's own row may change GET /me too). */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUser }) => unwrap(api.PATCH('/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersKey() });
      void queryClient.invalidateQueries({ queryKey: [scopeKey(), 'me'] });
    },
  });
}

/** How a user is named on screen: the name when there is one, else the email. */
export const userLabel = (user: Pick<User, 'name' | 'email'>) => user.name || user.email;
