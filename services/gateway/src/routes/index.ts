import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import '../http/schemas';
import type { Api } from '../http/api';
import { administrationRoutes } from './administration';
import { analyticsRoutes } from './analytics';
import { authRoutes } from './auth';
import { billingRoutes } from './billing';
import { campaignRoutes } from './campaigns';
import { catalogRoutes } from './catalog';
import { checkoutSessionRoutes } from './checkout-sessions';
import { hostedCheckoutRoutes } from './hosted-checkout';
import { hostedPortalRoutes } from './hosted-portal';
import { customerRoutes } from './customers';
import { storefrontRoutes } from './storefronts';
import { tenantRoutes } from './tenants';
import { webhookRoutes } from './webhooks';

export const createRegistry = () => new OpenAPIRegistry();

/** Every /api/v1 route but health (which needs no Api): the same list serves and documents them. */
export function registerRoutes(api: Api, options: { dashboardDeadlineMs: number; dashboardCacheMs: number; publicUrl: string }): void {
  authRoutes(api);
  tenantRoutes(api);
  administrationRoutes(api);
  storefrontRoutes(api);
  catalogRoutes(api);
  customerRoutes(api);
  billingRoutes(api);
  checkoutSessionRoutes(api, options);
  hostedCheckoutRoutes(api);
  hostedPortalRoutes(api);
  campaignRoutes(api);
  analyticsRoutes(api, options);
  webhookRoutes(api);
}
