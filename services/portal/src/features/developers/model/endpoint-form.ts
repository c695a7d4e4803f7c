import { z } from 'zod';
import { t } from '../../../lib/i18n';
import type { CreateWebhookEndpoint, UpdateWebhookEndpoint, WebhookEndpoint } from '../api/types';
import { ALL_EVENTS, enabledEventsOf } from './event-types';

const copy = t.developers.form;

/** An address the API could post to: http or https (the API alone decides whether it is public enough). */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The add and edit form, its fields named as the API names them (so `errors[]` lands beside them). */
export const endpointSchema = z.object({
  url: z.string().trim().min(1, t.common.required).refine(isHttpUrl, copy.notAUrl),
  description: z.string().trim(),
  enabledEvents: z.array(z.string()).min(1, t.developers.picker.chooseOne),
});
export type EndpointValues = z.infer<typeof endpointSchema>;

export const NEW_ENDPOINT: EndpointValues = { url: '', description: '', enabledEvents: [ALL_EVENTS] };

export const valuesOf = (endpoint: WebhookEndpoint): EndpointValues => ({
  url: endpoint.url,
  description: endpoint.description ?? '',
  enabledEvents: [...endpoint.enabledEvents],
});

/** POST /webhook-endpoints's body: no description when none was typed. */
export function createBody(values: EndpointValues): CreateWebhookEndpoint {
  const description = values.description.trim();
  return { url: values.url.trim(), ...(description ? { description } : {}), enabledEvents: enabledEventsOf(values.enabledEvents) };
}

/** PATCH's body: only what changed (nothing at all when nothing did); an emptied description is removed (null). */
export function updateBody(endpoint: WebhookEndpoint, values: EndpointValues): UpdateWebhookEndpoint {
  const body: UpdateWebhookEndpoint = {};
  const url = values.url.trim();
  const description = values.description.trim();
  const enabledEvents = enabledEventsOf(values.enabledEvents);
  if (url !== endpoint.url) body.url = url;
  if (description !== (endpoint.description ?? '')) body.description = description || null;
  if (enabledEvents.join(' ') !== enabledEventsOf(endpoint.enabledEvents).join(' ')) body.enabledEvents = enabledEvents;
  return body;
}
