import { notFound, pageOf, scopeFor, type CallContext } from '@azotte/common';
import type { webhookV1 } from '@azotte/proto';
import { presentEvent } from '../store/present';
import { events, type EventRow } from '../store/tables';
import { WEBHOOK_READERS } from './access';
import type { Deps } from './deps';

/** The environment's public events of the last 30 days, newest first; `type` filters. */
export async function listEvents(deps: Deps, ctx: CallContext, req: webhookV1.ListEventsRequest): Promise<webhookV1.ListEventsResponse> {
  const scope = scopeFor(ctx, WEBHOOK_READERS);
  const query = events.in(deps.db, scope);
  if (req.type) query.andWhere({ type: req.type });
  const { rows, nextCursor } = await pageOf<EventRow>(query, req.page);
  return { data: rows.map(presentEvent), nextCursor };
}

export async function getEvent(deps: Deps, ctx: CallContext, req: webhookV1.GetEventRequest): Promise<webhookV1.Event> {
  const scope = scopeFor(ctx, WEBHOOK_READERS);
  const row = (await events.in(deps.db, scope).where({ id: req.id }).first()) as EventRow | undefined;
  if (!row) throw notFound('event', req.id);
  return presentEvent(row);
}
