import express from 'express';
import { createApi, type Api } from '../http/api';
import { createRegistry, registerRoutes } from '../routes';
import { healthRoutes } from '../routes/health';
import { openApiDocument } from './document';

const never = () => {
  throw new Error('the OpenAPI builder serves no request');
};

/**
 * The OpenAPI document exactly as a running gateway serves it, built without
 * one: the routes are declared on a router that never listens, with
 * collaborators that are never called. The portal's client is generated from
 * it at build time (a test checks it equals the served one).
 */
export function buildOpenApiDocument() {
  const registry = createRegistry();
  const router = express.Router();
  const api = createApi(
    router,
    registry,
    { logger: undefined as never, idempotency: undefined as never, authenticate: never, afterAuthentication: never, authenticateHosted: never },
    // Route modules take their clients when declared; none is ever called here.
    { clients: {} } as unknown as Omit<Api, 'add'>,
  );
  healthRoutes(router, registry, { services: {}, postgres: never });
  registerRoutes(api, { dashboardDeadlineMs: 0, dashboardCacheMs: 0, publicUrl: '' });
  return openApiDocument(registry);
}
