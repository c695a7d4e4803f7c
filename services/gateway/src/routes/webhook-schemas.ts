import { PUBLIC_EVENT_TYPES } from '@azotte/proto';
import { z } from 'zod';
import { listOf, PageQuery, Timestamp } from '../http/schemas';

/**
 * Request and response schemas of the webhook routes (API.md "Webhooks"). The
 * webhook service checks the same rules again, and the address rules (https
 * and public addresses in production) it alone can check, after resolution.
 */

const EventType = z.enum(PUBLIC_EVENT_TYPES).openapi('WebhookEventType');

const EnabledEvents = z
  .array(z.union([z.literal('*'), EventType]))
  .min(1, 'must list at least one event type, or "*"')
  .max(50, 'must list at most 50 types')
  .openapi({ description: '`["*"]` for every type, or the public event types to receive.', example: ['subscription.updated', 'invoice.paid'] });

const Url = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((s) => /^https?:\/\/[^\s/]+/i.test(s) && URL.canParse(s), 'must be an absolute http or https URL')
  .openapi({ description: 'Where deliveries are POSTed. In production: https, resolving to public addresses only.', example: 'https://example.com/azotte/webhooks' });

const Description = z.string().max(500, 'must be at most 500 characters');

export const CreateEndpointBody = z
  .object({ url: Url, description: Description.optional(), enabledEvents: EnabledEvents })
  .openapi('CreateWebhookEndpointRequest');

export const UpdateEndpointBody = z
  .object({
    url: Url.optional(),
    description: Description.nullable().optional().openapi({ description: '`null` removes it.' }),
    enabledEvents: EnabledEvents.optional(),
    status: z.enum(['enabled', 'disabled']).optional().openapi({ description: '`enabled` re-enables an endpoint disabled after failing, clearing its reason.' }),
  })
  .openapi('UpdateWebhookEndpointRequest');

export const EndpointSchema = z
  .object({
    id: z.string().openapi({ example: 'we_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }),
    url: z.string(),
    description: z.string().nullable(),
    enabledEvents: z.array(z.string()),
    status: z.enum(['enabled', 'disabled']),
    disabledReason: z.string().nullable().openapi({ description: 'Why it is disabled: by request, or after failing every delivery for 5 days.' }),
    disabledAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('WebhookEndpoint');

export const CreatedEndpointSchema = EndpointSchema.extend({
  secret: z.string().openapi({ description: 'The signing secret (`whsec_…`), shown only here and on rotation.', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }),
}).openapi('CreatedWebhookEndpoint');

export const EndpointList = listOf(EndpointSchema, 'WebhookEndpointList');

export const RotatedSecretSchema = z
  .object({
    secret: z.string().openapi({ description: 'The new signing secret, shown only here.' }),
    previousSecretExpiresAt: Timestamp.openapi({ description: 'Until then every delivery is signed with the previous secret too.' }),
  })
  .openapi('RotatedWebhookSecret');

export const AttemptSchema = z
  .object({
    at: Timestamp,
    responseStatus: z.number().int().nullable().openapi({ description: 'null when no answer came (refused, timed out, not resolvable).' }),
    durationMs: z.number().int(),
    error: z.string().optional(),
    responseBody: z.string().openapi({ description: 'The first 1 kB of what the receiver answered.' }),
  })
  .openapi('WebhookAttempt');

export const DeliverySchema = z
  .object({
    id: z.string().openapi({ example: 'whd_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }),
    endpointId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.array(AttemptSchema),
    nextAttemptAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .openapi('WebhookDelivery');

export const DeliveryList = listOf(DeliverySchema, 'WebhookDeliveryList');

export const DeliveriesQuery = PageQuery.extend({ status: z.enum(['pending', 'succeeded', 'failed']).optional() });

export const EventSchema = z
  .object({
    id: z.string().openapi({ example: 'evt_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }),
    type: z.string(),
    createdAt: Timestamp,
    environment: z.object({ id: z.string(), name: z.string() }),
    data: z.object({
      object: z.record(z.string(), z.unknown()).openapi({ description: 'The resource exactly as its GET answered at `createdAt`.' }),
    }),
  })
  .openapi('Event', { description: 'A public event, exactly as its webhook deliveries carry it.' });

export const EventList = listOf(EventSchema, 'EventList');

export const EventsQuery = PageQuery.extend({ type: EventType.optional() });
