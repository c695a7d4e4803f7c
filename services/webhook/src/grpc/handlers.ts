import { unary, type Logger } from '@azotte/common';
import type { webhookV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { listDeliveries, retryDelivery } from '../domain/deliveries';
import { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, rotateSecret, sendTestEvent, updateEndpoint } from '../domain/endpoints';
import { getEvent, listEvents } from '../domain/events';

/** The gRPC transport: each method hands its request and call context to one operation. */
export function webhookHandlers(deps: Deps, logger: Logger): webhookV1.WebhookServiceServer {
  return {
    createEndpoint: unary(logger, (req, ctx) => createEndpoint(deps, ctx, req)),
    listEndpoints: unary(logger, (req, ctx) => listEndpoints(deps, ctx, req)),
    getEndpoint: unary(logger, (req, ctx) => getEndpoint(deps, ctx, req)),
    updateEndpoint: unary(logger, (req, ctx) => updateEndpoint(deps, ctx, req)),
    deleteEndpoint: unary(logger, (req, ctx) => deleteEndpoint(deps, ctx, req)),
    rotateSecret: unary(logger, (req, ctx) => rotateSecret(deps, ctx, req)),
    sendTestEvent: unary(logger, (req, ctx) => sendTestEvent(deps, ctx, req)),
    listDeliveries: unary(logger, (req, ctx) => listDeliveries(deps, ctx, req)),
    retryDelivery: unary(logger, (req, ctx) => retryDelivery(deps, ctx, req)),
    listEvents: unary(logger, (req, ctx) => listEvents(deps, ctx, req)),
    getEvent: unary(logger, (req, ctx) => getEvent(deps, ctx, req)),
  };
}
