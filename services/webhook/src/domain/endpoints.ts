import { newId, notFound, pageOf, scopeFor, unprocessable, type CallContext, type Db, type Scope } from '@azotte/common';
import type { webhookV1 } from '@azotte/proto';
import { endpointChanged } from '../events/emit';
import { presentDelivery, presentEndpoint } from '../store/present';
import { endpoints, type EndpointRow } from '../store/tables';
import { WEBHOOK_READERS, WEBHOOK_WRITERS } from './access';
import { ROTATION_OVERLAP_MS, type Deps } from './deps';
import { descriptionProblems, enabledEventsOf, throwIfAny, urlProblems } from './endpoint-fields';
import { recordPublicEvent } from './record-public-event';
import { newSigningSecret } from './signing';

// The endpoint operations, one exported function each (the gRPC handlers call them).

export async function endpointOf(db: Db, scope: Scope, id: string, lock = false): Promise<EndpointRow> {
  const q = endpoints.in(db, scope).where({ id });
  const row = (await (lock ? q.forUpdate() : q).first()) as EndpointRow | undefined;
  if (!row) throw notFound('webhook_endpoint', id);
  return row;
}

/** A new endpoint, enabled, with its secret answered this once (sealed at rest, bound to the endpoint's id). */
export async function createEndpoint(deps: Deps, ctx: CallContext, req: webhookV1.CreateEndpointRequest): Promise<webhookV1.Endpoint> {
  const scope = scopeFor(ctx, WEBHOOK_WRITERS);
  const problems = [...(await urlProblems(deps, req.url)), ...descriptionProblems(req.description)];
  const enabledEvents = enabledEventsOf(req.enabledEvents, problems);
  throwIfAny(problems);
  const now = deps.clock.now();
  const id = newId('we');
  const secret = newSigningSecret();
  const row: EndpointRow = {
    id,
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    url: req.url,
    description: req.description || null,
    enabled_events: enabledEvents,
    status: 'enabled',
    disabled_reason: null,
    disabled_at: null,
    secret_sealed: deps.secrets.seal(secret, id),
    previous_secret_sealed: null,
    previous_secret_expires_at: null,
    failing_since: null,
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction(async (trx) => {
    const { tenant_id: _t, environment_id: _e, ...insert } = row;
    await endpoints.insert(trx, scope, insert);
    await endpointChanged(trx, row, 'created');
  });
  deps.logger.info({ endpointId: id }, 'webhook endpoint created');
  return presentEndpoint(row, secret);
}

export async function listEndpoints(deps: Deps, ctx: CallContext, req: webhookV1.ListEndpointsRequest): Promise<webhookV1.ListEndpointsResponse> {
  const scope = scopeFor(ctx, WEBHOOK_READERS);
  const { rows, nextCursor } = await pageOf<EndpointRow>(endpoints.in(deps.db, scope), req.page);
  return { data: rows.map((r) => presentEndpoint(r)), nextCursor };
}

export async function getEndpoint(deps: Deps, ctx: CallContext, req: webhookV1.GetEndpointRequest): Promise<webhookV1.Endpoint> {
  const scope = scopeFor(ctx, WEBHOOK_READERS);
  return presentEndpoint(await endpointOf(deps.db, scope, req.id));
}

/** Changes what is present; re-enabling clears the reason and the failure streak. */
export async function updateEndpoint(deps: Deps, ctx: CallContext, req: webhookV1.UpdateEndpointRequest): Promise<webhookV1.Endpoint> {
  const scope = scopeFor(ctx, WEBHOOK_WRITERS);
  const problems = [...(req.url !== undefined ? await urlProblems(deps, req.url) : []), ...descriptionProblems(req.description)];
  const enabledEvents = req.replaceEnabledEvents ? enabledEventsOf(req.enabledEvents, problems) : undefined;
  if (req.status !== undefined && req.status !== 'enabled' && req.status !== 'disabled') {
    problems.push({ path: 'status', message: 'must be "enabled" or "disabled"' });
  }
  throwIfAny(problems);
  const row = await deps.db.transaction(async (trx) => {
    const current = await endpointOf(trx, scope, req.id, true);
    const now = deps.clock.now();
    const change: Partial<EndpointRow> = { updated_at: now };
    if (req.url !== undefined) change.url = req.url;
    if (req.description !== undefined) change.description = req.description || null;
    if (enabledEvents) change.enabled_events = enabledEvents;
    if (req.status === 'enabled' && current.status !== 'enabled') Object.assign(change, { status: 'enabled', disabled_reason: null, disabled_at: null, failing_since: null });
    if (req.status === 'disabled' && current.status !== 'disabled') Object.assign(change, { status: 'disabled', disabled_reason: 'Disabled by request', disabled_at: now });
    await endpoints.in(trx, scope).where({ id: current.id }).update(change);
    const updated = { ...current, ...change };
    await endpointChanged(trx, updated, 'updated');
    return updated;
  });
  return presentEndpoint(row);
}

/** Removes the endpoint with its deliveries and their attempts (the events stay, for GET /events). */
export async function deleteEndpoint(deps: Deps, ctx: CallContext, req: webhookV1.GetEndpointRequest): Promise<webhookV1.DeleteEndpointResponse> {
  const scope = scopeFor(ctx, WEBHOOK_WRITERS);
  await deps.db.transaction(async (trx) => {
    const row = await endpointOf(trx, scope, req.id, true);
    await endpoints.in(trx, scope).where({ id: row.id }).delete();
    await endpointChanged(trx, row, 'deleted');
  });
  return {};
}

/** A new secret, answered once; the one rotated out signs too for 24 hours. */
export async function rotateSecret(deps: Deps, ctx: CallContext, req: webhookV1.GetEndpointRequest): Promise<webhookV1.RotatedSecret> {
  const scope = scopeFor(ctx, WEBHOOK_WRITERS);
  const secret = newSigningSecret();
  const now = deps.clock.now();
  const expires = new Date(now.getTime() + ROTATION_OVERLAP_MS);
  await deps.db.transaction(async (trx) => {
    const row = await endpointOf(trx, scope, req.id, true);
    const change = { secret_sealed: deps.secrets.seal(secret, row.id), previous_secret_sealed: row.secret_sealed, previous_secret_expires_at: expires, updated_at: now };
    await endpoints.in(trx, scope).where({ id: row.id }).update(change);
    await endpointChanged(trx, { ...row, ...change }, 'secretRotated');
  });
  deps.logger.info({ endpointId: req.id }, 'webhook secret rotated');
  return { endpointId: req.id, secret, previousExpiresAt: expires.toISOString() };
}

/** A `ping` to this endpoint alone; a disabled endpoint is refused (it would get nothing). */
export async function sendTestEvent(deps: Deps, ctx: CallContext, req: webhookV1.GetEndpointRequest): Promise<webhookV1.Delivery> {
  const scope = scopeFor(ctx, WEBHOOK_WRITERS);
  const eventId = await deps.db.transaction(async (trx) => {
    const endpoint = await endpointOf(trx, scope, req.id);
    if (endpoint.status !== 'enabled') throw unprocessable('endpoint_disabled', `Endpoint ${endpoint.id} is disabled; enable it to send it events.`);
    const now = await deps.clocks.now(scope, trx);
    return recordPublicEvent(
      deps,
      trx,
      scope,
      { type: 'ping', object: { id: endpoint.id, object: 'webhook_endpoint', url: endpoint.url, message: 'A test event from Azotte.' }, createdAt: now.toISOString() },
      { onlyTo: endpoint },
    );
  });
  return presentDelivery(await deps.db('deliveries').where({ event_id: eventId!, endpoint_id: req.id }).first(), []);
}
