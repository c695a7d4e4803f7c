import { scopedTable } from '@azotte/common';

export type EndpointStatus = 'enabled' | 'disabled';
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface EndpointRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  url: string;
  description: string | null;
  enabled_events: string[];
  status: EndpointStatus;
  disabled_reason: string | null;
  disabled_at: Date | null;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  failing_since: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface EventRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  type: string;
  source_event_id: string | null;
  object_id: string | null;
  customer_id: string | null;
  created_at: Date;
  recorded_at: Date;
  body: string;
}

export interface DeliveryRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: DeliveryStatus;
  attempt_count: number;
  next_attempt_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface AttemptRow {
  id: string;
  delivery_id: string;
  at: Date;
  response_status: number | null;
  duration_ms: number;
  error: string | null;
  response_body: string;
}

export const endpoints = scopedTable<Omit<EndpointRow, 'tenant_id' | 'environment_id'>>('endpoints');
export const events = scopedTable<Omit<EventRow, 'tenant_id' | 'environment_id'>>('events');
export const deliveries = scopedTable<Omit<DeliveryRow, 'tenant_id' | 'environment_id'>>('deliveries');
