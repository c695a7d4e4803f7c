import { ConfigError } from '@azotte/common';
import { loadCustomerConfig } from '../src/config';

describe('the configuration', () => {
  test('has development defaults for everything', () => {
    expect(loadCustomerConfig({})).toMatchObject({
      CUSTOMER_GRPC_PORT: 50053,
      CUSTOMER_DB_SCHEMA: 'customer',
      TENANT_GRPC_ADDR: '127.0.0.1:50051',
      AMQP_QUEUE_PREFIX: '',
      AMQP_EXCHANGE: 'azotte.events',
    });
  });

  test('in production requires the servers, naming each', () => {
    try {
      loadCustomerConfig({ NODE_ENV: 'production' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      for (const name of ['DATABASE_URL', 'AMQP_URL']) expect((err as ConfigError).problems).toContain(`${name} is required but not set`);
    }
  });

  test('refuses a schema that is not an SQL identifier and a port out of range', () => {
    try {
      loadCustomerConfig({ CUSTOMER_DB_SCHEMA: 'Customer-1', CUSTOMER_GRPC_PORT: '70000' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      const problems = (err as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(problems.sort()).toEqual(['CUSTOMER_DB_SCHEMA', 'CUSTOMER_GRPC_PORT']);
    }
  });
});
