import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, scopeKey, unwrap } from '../../../lib/api';
import { useScope } from '../../../lib/scope';
import type { DeliveryStatus, WebhookEventType } from './types';

/** Keys start with the tab's scope; mutations invalidate by these prefixes. */
export const endpointsKey = () => [scopeKey(), 'webhook-endpoints'] as const;
export const deliveriesKey = (endpointId: string) => [...endpointsKey(), endpointId, 'deliveries'] as const;
export const eventsKey = () => [scopeKey(), 'events'] as const;

const PAGE_SIZE = 20;
/** How often a delivery log that is still moving is asked again: a pending delivery, or one just sent. */
const LIVE_INTERVAL_MS = 2_000;

export function useEndpoints(cursor: string | undefined) {
  useScope();
  return useQuery({
    queryKey: [...endpointsKey(), 'list', { cursor }],
    queryFn: () => unwrap(api.GET('/webhook-endpoints', { params: { query: { limit: PAGE_SIZE, cursor } } })),
    placeholderData: keepPreviousData,
  });
}

export function useEndpoint(id: string) {
  useScope();
  return useQuery({
    queryKey: [...endpointsKey(), id],
    queryFn: () => unwrap(api.GET('/webhook-endpoints/{id}', { params: { path: { id } } })),
  });
}

/**
 * One page of an endpoint's deliveries. While one of them is pending, or
 * until `liveUntil` (a test or a retry was just sent), the page is asked
 * again every 2 s, so the outcome shows without a reload.
 */
export function useDeliveries(endpointId: string, status: DeliveryStatus | undefined, cursor: string | undefined, liveUntil: number) {
  useScope();
  return useQuery({
    queryKey: [...deliveriesKey(endpointId), { status, cursor }],
    queryFn: () =>
      unwrap(api.GET('/webhook-endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query: { status, cursor, limit: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      Date.now() < liveUntil || query.state.data?.data.some((delivery) => delivery.status === 'pending') ? LIVE_INTERVAL_MS : false,
  });
}

/** One page of GET /events (newest first), of one type or of all. */
export function useEvents(type: WebhookEventType | undefined, cursor: string | undefined, limit: number) {
  useScope();
  return useQuery({
    queryKey: [...eventsKey(), 'list', { type, cursor, limit }],
    queryFn: () => unwrap(api.GET('/events', { params: { query: { type, cursor, limit } } })),
    placeholderData: keepPreviousData,
  });
}

/** GET /events/{id}: the event exactly as it was sent (asked only when it is to be shown). */
export function useEvent(id: string | undefined) {
  useScope();
  return useQuery({
    queryKey: [...eventsKey(), id],
    queryFn: () => unwrap(api.GET('/events/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
    // An event never changes.
    staleTime: Infinity,
  });
}
