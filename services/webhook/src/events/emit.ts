import { enqueueEvent, type Db } from '@azotte/common';
import { EVENTS, eventsV1 } from '@azotte/proto';
import { presentEndpoint } from '../store/present';
import type { EndpointRow } from '../store/tables';

const TYPES = {
  created: EVENTS.webhook.endpointCreated,
  updated: EVENTS.webhook.endpointUpdated,
  deleted: EVENTS.webhook.endpointDeleted,
  secretRotated: EVENTS.webhook.endpointSecretRotated,
  disabled: EVENTS.webhook.endpointDisabled,
} as const;

/**
 * An endpoint's change, written to the outbox in the caller's transaction
 * with the endpoint's scope (the tenant's audit log records it). Never
 * carries a secret: presentEndpoint leaves it empty.
 */
export const endpointChanged = (trx: Db, row: EndpointRow, change: keyof typeof TYPES, reason = '') =>
  enqueueEvent(trx, {
    type: TYPES[change],
    payload: eventsV1.WebhookEndpointChanged.toJSON({ endpoint: presentEndpoint(row), reason }),
    scope: { tenantId: row.tenant_id, environmentId: row.environment_id },
  });
