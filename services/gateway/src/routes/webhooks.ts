import type { Api } from '../http/api';
import { IdParams, listResponse, pageOf, PageQuery } from '../http/schemas';
import { presentCreatedEndpoint, presentDelivery, presentEndpoint, presentEvent } from './webhook-presenters';
import {
  CreatedEndpointSchema,
  CreateEndpointBody,
  DeliveriesQuery,
  DeliveryList,
  DeliverySchema,
  EndpointList,
  EndpointSchema,
  EventList,
  EventSchema,
  EventsQuery,
  RotatedSecretSchema,
  UpdateEndpointBody,
} from './webhook-schemas';
import { z } from 'zod';

/** Webhook endpoints, their deliveries, and the public events: API.md "Webhooks", the `webhooks` row of the role table. */
export function webhookRoutes(api: Api): void {
  const webhook = api.clients.webhook;
  const area = (access: 'read' | 'write') => ({ area: 'webhooks' as const, access });
  const tag = 'Webhooks';

  api.add({
    method: 'post',
    path: '/webhook-endpoints',
    summary: 'Create a webhook endpoint; its signing secret is in this answer only',
    tag,
    auth: area('write'),
    body: CreateEndpointBody,
    response: CreatedEndpointSchema,
    async handler({ body }) {
      const endpoint = await webhook.createEndpoint({ url: body.url, description: body.description ?? '', enabledEvents: body.enabledEvents });
      return presentCreatedEndpoint(endpoint);
    },
  });

  api.add({
    method: 'get',
    path: '/webhook-endpoints',
    summary: "List the environment's webhook endpoints (no secrets)",
    tag,
    auth: area('read'),
    query: PageQuery,
    response: EndpointList,
    async handler({ query }) {
      return listResponse(await webhook.listEndpoints({ page: pageOf(query) }), presentEndpoint);
    },
  });

  api.add({
    method: 'get',
    path: '/webhook-endpoints/{id}',
    summary: 'Get a webhook endpoint (no secret), with why it is disabled if it is',
    tag,
    auth: area('read'),
    params: IdParams,
    response: EndpointSchema,
    errors: [404],
    async handler({ params }) {
      return presentEndpoint(await webhook.getEndpoint({ id: params.id }));
    },
  });

  api.add({
    method: 'patch',
    path: '/webhook-endpoints/{id}',
    summary: 'Change an endpoint: its URL, description, event types, or enable / disable it',
    tag,
    auth: area('write'),
    params: IdParams,
    body: UpdateEndpointBody,
    response: EndpointSchema,
    errors: [404],
    async handler({ params, body }) {
      const endpoint = await webhook.updateEndpoint({
        id: params.id,
        url: body.url,
        description: body.description === null ? '' : body.description,
        enabledEvents: body.enabledEvents ?? [],
        replaceEnabledEvents: body.enabledEvents !== undefined,
        status: body.status,
      });
      return presentEndpoint(endpoint);
    },
  });

  api.add({
    method: 'delete',
    path: '/webhook-endpoints/{id}',
    summary: 'Delete an endpoint with its deliveries (the events stay)',
    tag,
    auth: area('write'),
    params: IdParams,
    response: z.null(),
    status: 204,
    errors: [404],
    async handler({ params }) {
      await webhook.deleteEndpoint({ id: params.id });
      return null;
    },
  });

  api.add({
    method: 'post',
    path: '/webhook-endpoints/{id}/rotate-secret',
    summary: 'Rotate the signing secret: for 24 hours every delivery is signed with the old and the new one',
    tag,
    auth: area('write'),
    params: IdParams,
    response: RotatedSecretSchema,
    status: 200,
    errors: [404],
    async handler({ params }) {
      const rotated = await webhook.rotateSecret({ id: params.id });
      return { secret: rotated.secret, previousSecretExpiresAt: rotated.previousExpiresAt! };
    },
  });

  api.add({
    method: 'post',
    path: '/webhook-endpoints/{id}/test',
    summary: 'Send a `ping` event to this endpoint alone; answers its delivery',
    tag,
    auth: area('write'),
    params: IdParams,
    response: DeliverySchema,
    status: 202,
    errors: [404],
    async handler({ params }) {
      return presentDelivery(await webhook.sendTestEvent({ id: params.id }));
    },
  });

  api.add({
    method: 'get',
    path: '/webhook-endpoints/{id}/deliveries',
    summary: "An endpoint's deliveries, newest first, each with every attempt",
    tag,
    auth: area('read'),
    params: IdParams,
    query: DeliveriesQuery,
    response: DeliveryList,
    errors: [404],
    async handler({ params, query }) {
      return listResponse(await webhook.listDeliveries({ endpointId: params.id, status: query.status ?? '', page: pageOf(query) }), presentDelivery);
    },
  });

  api.add({
    method: 'post',
    path: '/webhook-deliveries/{id}/retry',
    summary: 'Send a delivery again now, whatever its status',
    tag,
    auth: area('write'),
    params: IdParams,
    response: DeliverySchema,
    status: 202,
    errors: [404],
    async handler({ params }) {
      return presentDelivery(await webhook.retryDelivery({ id: params.id }));
    },
  });

  api.add({
    method: 'get',
    path: '/events',
    summary: "The environment's public events of the last 30 days, newest first, whether or not an endpoint received them",
    tag,
    auth: area('read'),
    query: EventsQuery,
    response: EventList,
    async handler({ query }) {
      return listResponse(await webhook.listEvents({ type: query.type ?? '', page: pageOf(query) }), presentEvent);
    },
  });

  api.add({
    method: 'get',
    path: '/events/{id}',
    summary: 'Get a public event exactly as its deliveries carry it',
    tag,
    auth: area('read'),
    params: IdParams,
    response: EventSchema,
    errors: [404],
    async handler({ params }) {
      return presentEvent(await webhook.getEvent({ id: params.id }));
    },
  });
}
