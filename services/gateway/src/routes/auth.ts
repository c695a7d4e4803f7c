import { DomainError, isDomainError } from '@azotte/common';
import { z } from 'zod';
import type { Api } from '../http/api';
import { Email } from '../http/schemas';
import { presentApiKey, presentEnvironment, presentUser } from './presenters';
import { ApiKeySchema, EnvironmentSchema, UserSchema } from './schemas';

const LoginBody = z.object({ email: Email, password: z.string().min(1).max(1024) }).openapi('LoginRequest');

const LoginResponse = z
  .object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.number().int(), user: UserSchema })
  .openapi('LoginResponse');

const MeResponse = z
  .object({
    user: UserSchema.optional(),
    apiKey: ApiKeySchema.pick({ id: true, name: true, role: true, environment: true }).optional(),
    tenantId: z.string().nullable(),
    role: z.string(),
    environment: EnvironmentSchema.nullable(),
  })
  .openapi('Me');

export function authRoutes(api: Api): void {
  api.add({
    method: 'post',
    path: '/auth/login',
    summary: 'Exchange an email and password for a short-lived access token',
    tag: 'Authentication',
    auth: 'public',
    status: 200,
    body: LoginBody,
    response: LoginResponse,
    errors: [401, 429],
    async handler({ body, req }) {
      const ip = req.ip ?? 'unknown';
      const wait = await api.loginThrottle.retryAfter(body.email, ip);
      if (wait > 0) {
        throw new DomainError('rate_limited', 'too_many_login_attempts', `Too many failed logins. Try again in ${wait} s.`);
      }
      try {
        const { user } = await api.clients.tenant.login({ email: body.email, password: body.password });
        await api.loginThrottle.succeeded(body.email, ip);
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
    method: 'get',
    path: '/me',
    summary: 'Who the credential is, and the tenant, role and environment it acts in',
    tag: 'Authentication',
    auth: 'authenticated',
    response: MeResponse,
    async handler({ principal: p }) {
      return {
        ...(p.user ? { user: presentUser(p.user) } : {}),
        ...(p.apiKey ? { apiKey: pickApiKey(presentApiKey(p.apiKey)) } : {}),
        tenantId: p.tenantId ?? null,
        role: p.role,
        environment: p.environment ? presentEnvironment(p.environment) : null,
      };
    },
  });
}

const pickApiKey = ({ id, name, role, environment }: ReturnType<typeof presentApiKey>) => ({ id, name, role, environment });
