import { describe, expect, it } from 'vitest';
import type { WebhookEndpoint } from '../api/types';
import { createBody, endpointSchema, isHttpUrl, updateBody, valuesOf } from './endpoint-form';

const anEndpoint = (overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
  id: 'we_01TEST',
  url: 'https://example.com/hooks',
  description: 'Order system',
  enabledEvents: ['customer.created', 'invoice.paid'],
  status: 'enabled',
  disabledReason: null,
  disabledAt: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

describe('the endpoint form', () => {
  it('takes http and https addresses only (whether one is public is the API’s to say)', () => {
    expect(isHttpUrl('https://example.com/hooks')).toBe(true);
    expect(isHttpUrl('http://127.0.0.1:4000/hooks')).toBe(true);
    expect(isHttpUrl('ftp://example.com')).toBe(false);
    expect(isHttpUrl('example.com/hooks')).toBe(false);
  });

  it('refuses an empty choice of events, beside the picker', () => {
    const result = endpointSchema.safeParse({ url: 'https://example.com', description: '', enabledEvents: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['enabledEvents', 'Choose at least one event type, or All events.'],
    ]);
  });

  it('sends no description when none was typed, and the types in the picker’s order', () => {
    expect(createBody({ url: ' https://example.com/hooks ', description: '  ', enabledEvents: ['invoice.paid', 'customer.created'] })).toEqual({
      url: 'https://example.com/hooks',
      enabledEvents: ['customer.created', 'invoice.paid'],
    });
    expect(createBody({ url: 'https://example.com', description: 'CRM', enabledEvents: ['*'] })).toEqual({
      url: 'https://example.com',
      description: 'CRM',
      enabledEvents: ['*'],
    });
  });

  it('patches only what changed', () => {
    const endpoint = anEndpoint();
    expect(updateBody(endpoint, valuesOf(endpoint))).toEqual({});
    expect(updateBody(endpoint, { ...valuesOf(endpoint), enabledEvents: ['invoice.paid', 'customer.created'] })).toEqual({});
    expect(updateBody(endpoint, { ...valuesOf(endpoint), url: 'https://example.com/v2', enabledEvents: ['*'] })).toEqual({
      url: 'https://example.com/v2',
      enabledEvents: ['*'],
    });
    expect(updateBody(anEndpoint({ description: null }), { ...valuesOf(anEndpoint({ description: null })), description: 'CRM' })).toEqual({ description: 'CRM' });
  });

  it('removes an emptied description (null), rather than storing an empty one', () => {
    expect(updateBody(anEndpoint(), { ...valuesOf(anEndpoint()), description: '  ' })).toEqual({ description: null });
  });
});
