export { loadWebhookConfig, webhookConfigShape, type WebhookConfig } from './config';
export type { Resolver } from './delivery/resolver';
export { startWebhookService, type RunningWebhookService, type StartOptions } from './service';
