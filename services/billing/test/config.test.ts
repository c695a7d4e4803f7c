import { ConfigError } from '@azotte/common';
import { loadBillingConfig } from '../src/config';

describe('the configuration', () => {
  test('has development defaults for everything', () => {
    expect(loadBillingConfig({})).toMatchObject({
      BILLING_GRPC_PORT: 50054,
      BILLING_DB_SCHEMA: 'billing',
      TENANT_GRPC_ADDR: '127.0.0.1:50051',
      CATALOG_GRPC_ADDR: '127.0.0.1:50052',
      CUSTOMER_GRPC_ADDR: '127.0.0.1:50053',
      CAMPAIGN_GRPC_ADDR: '127.0.0.1:50055',
      GRPC_DEADLINE_MS: 5000,
      BILLING_SCHEDULER_INTERVAL_MS: 1000,
      BILLING_SCHEDULER_BATCH: 200,
    });
  });

  test('in production requires the servers, naming each', () => {
    expect(() => loadBillingConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
  });

  test('refuses a schema that is not an SQL identifier and a negative interval', () => {
    try {
      loadBillingConfig({ BILLING_DB_SCHEMA: 'Billing-1', BILLING_SCHEDULER_INTERVAL_MS: '-1' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['BILLING_DB_SCHEMA', 'BILLING_SCHEDULER_INTERVAL_MS']);
    }
  });
});
