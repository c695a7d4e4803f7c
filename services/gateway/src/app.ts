import { DomainError, type Database, type HttpServerMetrics } from '@azotte/common';
import express, { type Express, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import { authenticate } from './auth/authenticate';
import type { Principal } from './auth/principal';
import type { PrincipalCache } from './auth/principal-cache';
import { TokenIssuer } from './auth/tokens';
import type { Clients, ServiceAddresses } from './clients';
import type { GatewayConfig } from './config';
import { errorHandler, problemOf, sendProblem } from './http/problem';
import { limiterFactory, type LimitStore } from './limits/limit-store';
import { LoginThrottle } from './limits/login-throttle';
import { CredentialRateLimiter, RateLimit } from './limits/rate-limit';
import { authenticateHosted, type HostedKind } from './hosted/hosted-session';
import { recordHttpMetrics } from './middleware/http-metrics';
import type { UsageCounter } from './middleware/usage-counter';
import { contentSecurityPolicy } from './portal/content-security-policy';
import { servePortal } from './portal/serve-portal';
import { createRegistry, registerRoutes } from './routes';
import { healthRoutes } from './routes/health';
import { IdempotencyStore } from './store/idempotency';
import { RevokedTokenStore } from './store/revoked-tokens';
import { createApi } from './http/api';
import { openApiDocument } from './openapi/document';

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  db: Database;
  clients: Clients;
  addresses: ServiceAddresses;
  usage: UsageCounter;
  principals: PrincipalCache;
  /** Where the rate limits' counters live (shared by the replicas unless `memory`). */
  limits: LimitStore;
  /** Where request durations are recorded, by route template. */
  httpMetrics?: HttpServerMetrics;
}

/** Builds the Express application: /api/v1, and the portal at `/`. */
export function buildApp(deps: GatewayDeps): Express {
  const { config, logger, db, clients, usage, principals } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  if (deps.httpMetrics) app.use(recordHttpMetrics(deps.httpMetrics));
  app.use(helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy }, crossOriginEmbedderPolicy: false }));

  const router = express.Router();
  router.use(express.json({ limit: config.BODY_LIMIT, strict: true }));

  const registry = createRegistry();
  const tokens = new TokenIssuer(config.JWT_SECRET, config.JWT_TTL_SECONDS);
  const revoked = new RevokedTokenStore(db.knex);
  const limiters = limiterFactory(deps.limits);
  const limiter = new CredentialRateLimiter(limiters, config.RATE_LIMIT_PER_MINUTE);
  // A hosted page is used by anyone with its link: limited per client address (before its secret
  // is even looked up, so guessing costs) and per session.
  const hostedPerAddress = new RateLimit(limiters, 'hosted-address', config.HOSTED_RATE_LIMIT_PER_ADDRESS, 'per client address');
  const hostedPerSession = new RateLimit(limiters, 'hosted-session', config.HOSTED_RATE_LIMIT_PER_SESSION, 'per session');
  const api = createApi(
    router,
    registry,
    {
      logger,
      idempotency: new IdempotencyStore(db.knex, config.IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS),
      authenticate: (req: Request) =>
        authenticate(req, { clients, tokens, revoked, cache: principals, trustedOrigins: config.TRUSTED_ORIGINS }),
      async afterAuthentication(_req: Request, res: Response, principal: Principal) {
        await limiter.check(principal, res);
        if (principal.tenantId) usage.count(principal.tenantId);
      },
      async authenticateHosted(req: Request, res: Response, kind: HostedKind) {
        await hostedPerAddress.check(req.ip ?? 'unknown', res);
        const principal = await authenticateHosted(req, kind, clients);
        await hostedPerSession.check(principal.actor.id, res);
        return principal;
      },
    },
    {
      clients,
      tokens,
      revoked,
      sessionTtlSeconds: config.SESSION_TTL_SECONDS,
      principals,
      logger,
      loginThrottle: new LoginThrottle(limiters, config.LOGIN_MAX_FAILURES, config.LOGIN_LOCK_SECONDS),
    },
  );

  healthRoutes(router, registry, { services: { ...deps.addresses }, postgres: () => db.ping() });
  registerRoutes(api, { dashboardDeadlineMs: config.DASHBOARD_DEADLINE_MS, dashboardCacheMs: config.DASHBOARD_CACHE_MS, publicUrl: config.PUBLIC_URL });

  const document = openApiDocument(registry);
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Azotte API' }));

  router.use((req, res) => {
    sendProblem(res, problemOf(new DomainError('not_found', 'route_not_found', `No route ${req.method} ${req.baseUrl}${req.path}.`)));
  });
  router.use(errorHandler(logger));

  app.use('/api/v1', router);
  // Probes often expect the root paths.
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => res.redirect(307, '/api/v1/readyz'));
  servePortal(app, config.PORTAL_DIR, logger);
  app.use((req, res) => {
    sendProblem(res, problemOf(new DomainError('not_found', 'route_not_found', `No route ${req.method} ${req.path}; the API lives under /api/v1.`)));
  });
  app.use(errorHandler(logger));
  return app;
}
