import type { Schema } from '../../../lib/api';

export type WebhookEndpoint = Schema<'WebhookEndpoint'>;
/** The answer of POST /webhook-endpoints: the endpoint and, this once, its secret. */
export type CreatedWebhookEndpoint = Schema<'CreatedWebhookEndpoint'>;
export type CreateWebhookEndpoint = Schema<'CreateWebhookEndpointRequest'>;
export type UpdateWebhookEndpoint = Schema<'UpdateWebhookEndpointRequest'>;
/** What `enabledEvents` may hold: `*`, or public event types. */
export type EnabledEvent = CreateWebhookEndpoint['enabledEvents'][number];
export type WebhookEventType = Schema<'WebhookEventType'>;
export type RotatedSecret = Schema<'RotatedWebhookSecret'>;

export type WebhookDelivery = Schema<'WebhookDelivery'>;
export type WebhookAttempt = Schema<'WebhookAttempt'>;
export type DeliveryStatus = WebhookDelivery['status'];
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const satisfies readonly DeliveryStatus[];

export type PublicEvent = Schema<'Event'>;
