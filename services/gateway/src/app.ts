import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { DomainError, type Database } from '@azotte/common';
import express, { type Express, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import { authenticate } from './auth/authenticate';
import { LoginThrottle } from './auth/login-throttle';
import type { Principal } from './auth/principal';
import type { PrincipalCache } from './auth/principal-cache';
import { TokenIssuer } from './auth/tokens';
import type { Clients, ServiceAddresses } from './clients';
import type { GatewayConfig } from './config';
import { createApi } from './http/api';
import { errorHandler, problemOf, sendProblem } from './http/problem';
import './http/schemas';
import { CredentialRateLimiter } from './middleware/rate-limit';
import type { UsageCounter } from './middleware/usage-counter';
import { openApiDocument } from './openapi/document';
import { administrationRoutes } from './routes/administration';
import { analyticsRoutes } from './routes/analytics';
import { authRoutes } from './routes/auth';
import { billingRoutes } from './routes/billing';
import { campaignRoutes } from './routes/campaigns';
import { catalogRoutes } from './routes/catalog';
import { customerRoutes } from './routes/customers';
import { healthRoutes } from './routes/health';
import { storefrontRoutes } from './routes/storefronts';
import { tenantRoutes } from './routes/tenants';
import { IdempotencyStore } from './store/idempotency';

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  db: Database;
  clients: Clients;
  addresses: ServiceAddresses;
  usage: UsageCounter;
  principals: PrincipalCache;
}

/** Builds the Express application: /api/v1 and nothing else. */
export function buildApp(deps: GatewayDeps): Express {
  const { config, logger, db, clients, usage, principals } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());

  const router = express.Router();
  router.use(express.json({ limit: config.BODY_LIMIT, strict: true }));

  const registry = new OpenAPIRegistry();
  const tokens = new TokenIssuer(config.JWT_SECRET, config.JWT_TTL_SECONDS);
  const limiter = new CredentialRateLimiter(config.RATE_LIMIT_PER_MINUTE);
  const api = createApi(
    router,
    registry,
    {
      logger,
      idempotency: new IdempotencyStore(db.knex),
      authenticate: (req: Request) => authenticate(req, clients, tokens, principals),
      async afterAuthentication(_req: Request, res: Response, principal: Principal) {
        await limiter.check(principal, res);
        if (principal.tenantId) usage.count(principal.tenantId);
      },
    },
    { clients, tokens, principals, logger, loginThrottle: new LoginThrottle(config.LOGIN_MAX_FAILURES, config.LOGIN_LOCK_SECONDS) },
  );

  healthRoutes(router, registry, { services: { ...deps.addresses }, postgres: () => db.ping() });
  authRoutes(api);
  tenantRoutes(api);
  administrationRoutes(api);
  storefrontRoutes(api);
  catalogRoutes(api);
  customerRoutes(api);
  billingRoutes(api);
  campaignRoutes(api);
  analyticsRoutes(api, { dashboardDeadlineMs: config.DASHBOARD_DEADLINE_MS });

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
  app.use((req, res) => {
    sendProblem(res, problemOf(new DomainError('not_found', 'route_not_found', `No route ${req.method} ${req.path}; the API lives under /api/v1.`)));
  });
  app.use(errorHandler(logger));
  return app;
}
