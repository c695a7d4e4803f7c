import { ConfigError } from '@azotte/common';
import { loadCatalogConfig } from '../src/config';

describe('the configuration', () => {
  test('has development defaults for everything', () => {
    expect(loadCatalogConfig({})).toMatchObject({
      CATALOG_GRPC_PORT: 50052,
      CATALOG_DB_SCHEMA: 'catalog',
      TENANT_GRPC_ADDR: '127.0.0.1:50051',
      GRPC_DEADLINE_MS: 5000,
      AMQP_EXCHANGE: 'azotte.events',
    });
  });

  test('in production requires the servers, naming each', () => {
    try {
      loadCatalogConfig({ NODE_ENV: 'production' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual(['DATABASE_URL is required but not set', 'AMQP_URL is required but not set']);
    }
  });

  test('refuses a schema that is not an SQL identifier and a port out of range', () => {
    try {
      loadCatalogConfig({ CATALOG_DB_SCHEMA: 'Catalog-1', CATALOG_GRPC_PORT: '70000' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['CATALOG_GRPC_PORT', 'CATALOG_DB_SCHEMA']);
    }
  });
});
