import { useQuery } from '@tanstack/react-query';
import { api, scopeKey, unwrap, type Schema } from './api';

export type Me = Schema<'Me'>;
export type Area = keyof Schema<'Permissions'>;
export type Level = 'read' | 'write';

/** Who is signed in, in which tenant and environment, and what the role may do (GET /me). */
export function useMe(options: { enabled?: boolean } = {}) {
  return useQuery({ ...meQuery(), enabled: options.enabled ?? true });
}

/** GET /me as a query, for useMe and for asking it early (before any page renders). */
export const meQuery = () => ({
  queryKey: [scopeKey(), 'me'] as const,
  queryFn: () => unwrap(api.GET('/me')),
  staleTime: 30_000,
});

/**
 * Whether this browser holds a session: the gateway sets a cookie without any
 * secret beside the HttpOnly session cookie, so a first visit need not ask
 * /me for a 401 to know that it must sign in.
 */
export const hasSession = () => /(?:^|;\s*)azotte_signed_in=/.test(document.cookie);

/** True when `me` may `level` the area: `write` implies `read`. The gateway's role table decides (GET /me). */
export function can(me: Pick<Me, 'permissions'> | undefined, area: Area, level: Level = 'read'): boolean {
  const granted = me?.permissions[area];
  return granted === 'write' || (granted === 'read' && level === 'read');
}

/** `can` for the signed-in user. */
export function useCan(area: Area, level: Level = 'read'): boolean {
  return can(useMe().data, area, level);
}

const ROLE_NAMES: Record<string, string> = {
  administrator: 'Administrator',
  manager: 'Manager',
  operator: 'Operator',
  viewer: 'Viewer',
  platform_admin: 'Platform administrator',
};

/** A role as people read it: `operator` → `Operator`. */
export const roleName = (role: string) => ROLE_NAMES[role] ?? role;
