import {
  DomainError,
  fieldErrors,
  infrastructureUnavailable,
  invalidArgument,
  isDomainError,
  isTransientInfrastructureError,
  runWithContext,
  type CallContext,
} from '@azotte/common';
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { NextFunction, Request, Response, Router } from 'express';
import type { Logger } from 'pino';
import { z, type ZodType } from 'zod';
import { allows, refusal, type Access, type Area } from '../auth/permissions';
import type { HostedKind } from '../hosted/hosted-session';
import { operationIdOf } from '../openapi/operation-ids';
import { contextOf, type Principal } from '../auth/principal';
import { applyIdempotency } from '../middleware/idempotency';
import type { IdempotencyStore } from '../store/idempotency';
import { problemOf, type Problem } from './problem';
import { ProblemSchema } from './schemas';

/**
 * Who may call a route:
 * - `public`: anyone (health, login, the OpenAPI document);
 * - `authenticated`: any valid credential (`/me`);
 * - `platform`: the platform administrator only;
 * - `{ area, access }`: a row of the role table, inside a tenant; with
 *   `platform: true` the platform administrator may also call it outside one;
 * - `{ hosted }`: a hosted page, by its session's secret alone (X-Hosted-Session).
 */
export type RouteAuth = 'public' | 'authenticated' | 'platform' | { area: Area; access: Access; platform?: boolean } | { hosted: HostedKind };

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  principal: Principal;
  ctx: CallContext;
  req: Request;
  /** For what a handler adds to the answer beyond its body (the session cookie). */
  res: Response;
}

export interface RouteSpec<B, Q, P, R> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style, relative to /api/v1: `/storefronts/{id}`. */
  path: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  body?: ZodType<B>;
  query?: z.ZodObject<z.ZodRawShape> & ZodType<Q>;
  params?: z.ZodObject<z.ZodRawShape> & ZodType<P>;
  response: ZodType<R>;
  /** 204 answers no body: the handler's result is ignored. */
  status?: number;
  /** Error statuses worth documenting besides the ones every route can give. */
  errors?: number[];
  handler(input: RouteInput<B, Q, P>): Promise<R>;
}

export interface RouteDeps {
  logger: Logger;
  idempotency: IdempotencyStore;
  /** Establishes the principal of a request; throws unauthenticated. */
  authenticate(req: Request): Promise<Principal>;
  /** Runs after authentication: rate limits and usage counting. */
  afterAuthentication(req: Request, res: Response, principal: Principal): Promise<void>;
  /** Establishes a hosted page's principal from its secret, rate-limited per client address and per session. */
  authenticateHosted(req: Request, res: Response, kind: HostedKind): Promise<Principal>;
}

export { fieldErrors };

function parse<T>(schema: ZodType<T> | undefined, value: unknown, where: 'body' | 'query' | 'params'): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(where === 'body' && value === undefined ? {} : value);
  if (result.success) return result.data;
  throw invalidArgument(fieldErrors(result.error));
}

function authorize(auth: RouteAuth, principal: Principal): void {
  if (auth === 'public' || auth === 'authenticated') return;
  if (auth === 'platform') {
    if (!principal.platformAdmin) throw new DomainError('permission_denied', 'forbidden', 'Only the platform administrator may do this.');
    return;
  }
  if ('hosted' in auth) return;
  if (principal.role === 'platform_admin') {
    if (auth.platform) return;
    throw new DomainError('invalid_argument', 'tenant_required', 'Send X-Tenant-Id to act in a tenant.', [
      { path: 'X-Tenant-Id', message: 'is required for the platform administrator' },
    ]);
  }
  if (!allows(principal.role, auth.area, auth.access)) {
    throw new DomainError('permission_denied', 'forbidden', refusal(principal.role, auth.area, auth.access));
  }
}

const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Declares a route once: the express handler and its OpenAPI description come
 * from the same schemas. The pipeline is always: authenticate → rate limit →
 * authorize (the role table) → validate → Idempotency-Key → handler, and
 * every failure leaves as problem+json through `problemOf`.
 */
export function addRoute<B, Q, P, R>(router: Router, registry: OpenAPIRegistry, deps: RouteDeps, spec: RouteSpec<B, Q, P, R>): void {
  const status = spec.status ?? (spec.method === 'post' ? 201 : 200);
  registry.registerPath(openApiOf(spec, status));

  router[spec.method](expressPath(spec.path), async (req: Request, res: Response, next: NextFunction) => {
    const auth = spec.auth;
    let principal: Principal | undefined;
    if (typeof auth === 'object' && 'hosted' in auth) {
      principal = await deps.authenticateHosted(req, res, auth.hosted);
    } else if (auth !== 'public') {
      principal = await deps.authenticate(req);
      await deps.afterAuthentication(req, res, principal);
      authorize(auth, principal);
    }
    const params = parse(spec.params, req.params, 'params');
    const query = parse(spec.query, req.query, 'query');
    const body = parse(spec.body, req.body, 'body');
    const idempotent = principal && spec.method === 'post' ? await applyIdempotency(deps.idempotency, req, res, principal) : undefined;
    if (idempotent?.replayed) return;

    const ctx = principal ? contextOf(principal, req.header('x-request-id')) : { actor: { type: 'system', id: 'anonymous', role: 'system' } as const };
    let code = status;
    let payload: string;
    let problem: Problem | undefined;
    try {
      const result = await runWithContext(ctx, () =>
        spec.handler({ body, query, params, principal: principal as Principal, ctx, req, res }),
      );
      payload = JSON.stringify(result ?? null);
    } catch (err) {
      if (!idempotent) return next(err);
      const transient = !isDomainError(err) && isTransientInfrastructureError(err);
      if (!isDomainError(err) && !transient) deps.logger.error({ err, path: req.path }, 'unhandled error');
      problem = problemOf(
        isDomainError(err) ? err : transient ? infrastructureUnavailable() : new DomainError('internal', 'internal_error', 'An internal error occurred.'),
      );
      code = problem.status;
      payload = JSON.stringify(problem);
    }
    // The stored response must be in place before the client can retry.
    if (idempotent) await idempotent.finish(code, payload).catch((err) => deps.logger.error({ err }, 'idempotency record not saved'));
    if (code === 204) return void res.status(204).end();
    res.status(code).type(problem ? 'application/problem+json' : 'application/json').send(payload);
  });
}

function openApiOf(spec: RouteSpec<unknown, unknown, unknown, unknown>, status: number): RouteConfig {
  const errors = new Set([400, ...(spec.auth === 'public' ? [] : [401, 403, 429]), ...(spec.errors ?? [])]);
  if (spec.method === 'post' && spec.auth !== 'public') errors.add(409).add(422);
  const problem = { content: { 'application/problem+json': { schema: ProblemSchema } } };
  return {
    method: spec.method,
    path: spec.path,
    operationId: operationIdOf(spec.method, spec.path),
    summary: spec.summary,
    tags: [spec.tag],
    security: spec.auth === 'public' ? [] : typeof spec.auth === 'object' && 'hosted' in spec.auth ? [{ hostedSession: [] }] : [{ bearer: [] }],
    request: {
      params: spec.params,
      query: spec.query,
      body: spec.body ? { content: { 'application/json': { schema: spec.body } }, required: true } : undefined,
      headers: spec.auth === 'public' ? undefined : headerSchema(spec.method === 'post', typeof spec.auth === 'object' && 'hosted' in spec.auth),
    },
    responses: {
      [status]: status === 204 ? { description: 'Done; no content' } : { description: 'Success', content: { 'application/json': { schema: spec.response } } },
      ...Object.fromEntries([...errors].sort().map((s) => [s, { description: DESCRIPTIONS[s] ?? 'Error', ...problem }])),
    },
  };
}

function headerSchema(idempotent: boolean, hosted: boolean) {
  return z.object({
    ...(hosted
      ? {}
      : {
          'X-Environment': z.string().optional().openapi({ description: 'Environment name or id (default `production`); API keys are bound to theirs.' }),
          'X-Tenant-Id': z.string().optional().openapi({ description: 'Platform administrator only: the tenant to act in.' }),
        }),
    ...(idempotent
      ? { 'Idempotency-Key': z.string().max(255).optional().openapi({ description: 'Makes a retry safe: the first response is replayed for 24 hours.' }) }
      : {}),
  });
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid input; `errors` names each invalid field',
  401: 'No or bad credential',
  402: 'A payment was declined',
  403: 'Your role lacks the permission',
  404: 'Unknown, or belongs to another tenant or environment',
  409: 'State conflict, or an Idempotency-Key still in flight',
  422: 'A business rule refuses, or an Idempotency-Key reused with another body',
  429: 'Rate limited',
  503: 'A backing service is down',
};
