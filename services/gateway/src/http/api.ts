import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { LoginThrottle } from '../limits/login-throttle';
import type { PrincipalCache } from '../auth/principal-cache';
import type { TokenIssuer } from '../auth/tokens';
import type { Clients } from '../clients';
import type { RevokedTokenStore } from '../store/revoked-tokens';
import { addRoute, type RouteDeps, type RouteSpec } from './route';

/** What a routes module needs: a way to declare routes, and the gateway's collaborators. */
export interface Api {
  add<B, Q, P, R>(spec: RouteSpec<B, Q, P, R>): void;
  clients: Clients;
  tokens: TokenIssuer;
  /** Signed-out tokens and sessions, refused by every replica. */
  revoked: RevokedTokenStore;
  /** Lifetime of the portal's session cookie. */
  sessionTtlSeconds: number;
  loginThrottle: LoginThrottle;
  /** Authenticated principals; a revocation or user change evicts its actor here at once. */
  principals: PrincipalCache;
  /** For what a route notices but still answers (a dashboard source that degraded). */
  logger: Logger;
}

export function createApi(router: Router, registry: OpenAPIRegistry, deps: RouteDeps, rest: Omit<Api, 'add'>): Api {
  return { ...rest, add: (spec) => addRoute(router, registry, deps, spec) };
}
