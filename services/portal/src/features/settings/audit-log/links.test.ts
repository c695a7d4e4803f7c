import { describe, expect, it } from 'vitest';
import { actionLabel, actorPath, objectPath } from './links';

describe('audit-log links', () => {
  it('opens the pages the portal has, by object type', () => {
    expect(objectPath('customer', 'cus_1')).toBe('/customers/cus_1');
    expect(objectPath('price', 'price_1')).toBe('/catalog/prices/price_1');
    expect(objectPath('support_request', 'sr_1')).toBe('/support-requests/sr_1');
    expect(objectPath('user', 'usr_1')).toBe('/settings/users#user-usr_1');
    expect(objectPath('payment_provider', '')).toBe('/settings/payment-providers');
  });

  it('offers no link where the portal has no page or no id', () => {
    expect(objectPath('redemption', 'red_1')).toBeUndefined();
    expect(objectPath('customer', '')).toBeUndefined();
  });

  it('links users and API keys that acted, not the system', () => {
    expect(actorPath('user', 'usr_1')).toBe('/settings/users#user-usr_1');
    expect(actorPath('api_key', 'key_1')).toBe('/settings/api-keys');
    expect(actorPath('system', 'system')).toBeUndefined();
  });

  it('reads an action in words', () => {
    expect(actionLabel('tenant.user.created.v1')).toBe('User created');
    expect(actionLabel('billing.subscription.price_changed.v1')).toBe('Subscription price changed');
    expect(actionLabel('tenant.api_key.revoked.v1')).toBe('API key revoked');
    expect(actionLabel('odd')).toBe('odd');
  });
});
