import { DomainError, isDomainError } from '@azotte/common';
import { z } from 'zod';
import { AREAS, permissionsOf } from '../auth/permissions';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie';
import type { Api } from '../http/api';
import { Email } from '../http/schemas';
import { presentApiKey, presentEnvironment, presentUser } from './presenters';
import { ApiKeySchema, EnvironmentSchema, NullableEnvironmentSchema, UserSchema } from './schemas';

const LoginBody = z.object({ email: Email, password: z.string().min(1).max(1024) }).openapi('LoginRequest');

const LoginResponse = z
  .object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.number().int(), user: UserSchema })
  .openapi('LoginResponse');

const Permission = z.enum(['write', 'read', 'none']);

const PermissionsSchema = z
  .object(Object.fromEntries(AREAS.map((area) => [area, Permission])) as Record<(typeof AREAS)[number], typeof Permission>)
  .openapi('Permissions', { description: "What the caller may do in each area of API.md's role table: the table the gateway enforces." });

const MeResponse = z
  .object({
    user: UserSchema.optional(),
    apiKey: ApiKeySchema.pick({ id: true, name: true, role: true, environment: true }).optional(),
    tenantId: z.string().nullable(),
    tenant: z.object({ id: z.string(), name: z.string() }).nullable().openapi({ description: 'The tenant acted in (for a user).' }),
    role: z.string(),
    platformAdmin: z.boolean(),
    environment: NullableEnvironmentSchema,
    environments: z
      .array(EnvironmentSchema)
      .openapi({ description: "A user's environments to choose from with X-Environment; empty for an API key, which is bound to one." }),
    permissions: PermissionsSchema,
  })
  .openapi('Me');

export function authRoutes(api: Api): void {
  api.add({
    method: 'post',
    path: '/auth/login',
    summary: 'Exchange an email and password for a short-lived access token (and the portal\'s session cookie)',
    tag: 'Authentication',
    auth: 'public',
    status: 200,
    body: LoginBody,
    response: LoginResponse,
    errors: [401, 429],
    async handler({ body, req, res }) {
      const ip = req.ip ?? 'unknown';
      const wait = await api.loginThrottle.retryAfter(body.email, ip);
      if (wait > 0) {
        throw new DomainError('rate_limited', 'too_many_login_attempts', `Too many failed logins. Try again in ${wait} s.`);
      }
      try {
        const { user } = await api.clients.tenant.login({ email: body.email, password: body.password });
        await api.loginThrottle.succeeded(body.email, ip);
        // The portal's credential: an HttpOnly cookie no script can read. API clients use the token.
        setSessionCookie(req, res, await api.tokens.issue(user!.id, api.sessionTtlSeconds), api.sessionTtlSeconds);
        return {
          accessToken: await api.tokens.issue(user!.id),
          tokenType: 'Bearer' as const,
          expiresIn: api.tokens.ttlSeconds,
          user: presentUser(user!),
        };
      } catch (err) {
        if (isDomainError(err) && err.kind === 'unauthenticated') {
          const delay = await api.loginThrottle.failed(body.email, ip);
          await new Promise((r) => setTimeout(r, delay));
        }
        throw err;
      }
    },
  });

  api.add({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out: the access token or portal session used is refused from now on, by every gateway',
    tag: 'Authentication',
    auth: 'authenticated',
    status: 204,
    response: z.null(),
    async handler({ principal, req, res }) {
      if (!principal.token) {
        throw new DomainError('unprocessable', 'api_key_sign_out', 'An API key is not signed out: revoke it with DELETE /api-keys/{id}.');
      }
      await api.revoked.revoke(principal.token.tokenId, principal.token.expiresAt);
      if (principal.credential === 'session') clearSessionCookie(req, res);
      return null;
    },
  });

  api.add({
    method: 'get',
    path: '/me',
    summary: 'Who the credential is; the tenant, role and environment it acts in; what it may do',
    tag: 'Authentication',
    auth: 'authenticated',
    response: MeResponse,
    async handler({ principal: p }) {
      return {
        ...(p.user ? { user: presentUser(p.user) } : {}),
        ...(p.apiKey ? { apiKey: pickApiKey(presentApiKey(p.apiKey)) } : {}),
        tenantId: p.tenantId ?? null,
        tenant: p.tenantId && p.tenantName ? { id: p.tenantId, name: p.tenantName } : null,
        role: p.role,
        platformAdmin: p.platformAdmin,
        environment: p.environment ? presentEnvironment(p.environment) : null,
        environments: p.environments.map(presentEnvironment),
        permissions: permissionsOf(p.role),
      };
    },
  });
}

const pickApiKey = ({ id, name, role, environment }: ReturnType<typeof presentApiKey>) => ({ id, name, role, environment });
