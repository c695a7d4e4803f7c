import { ConfigError } from '@azotte/common';
import { DEV_SECRETS_KEY, loadTenantConfig } from '../src/config';

describe('the configuration', () => {
  test('has development defaults for everything', () => {
    const config = loadTenantConfig({});
    expect(config).toMatchObject({
      TENANT_GRPC_PORT: 50051,
      PLATFORM_ADMIN_EMAIL: 'admin@azotte.local',
      PLATFORM_ADMIN_PASSWORD: 'azotte-admin',
      SECRETS_KEY: DEV_SECRETS_KEY,
      TENANT_DB_SCHEMA: 'tenant',
      AMQP_QUEUE_PREFIX: '',
      AMQP_EXCHANGE: 'azotte.events',
    });
  });

  test('in production requires the secrets and the platform administrator, naming each', () => {
    expect(() => loadTenantConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadTenantConfig({ NODE_ENV: 'production' });
    } catch (err) {
      const { problems } = err as ConfigError;
      for (const name of ['SECRETS_KEY', 'PLATFORM_ADMIN_EMAIL', 'PLATFORM_ADMIN_PASSWORD', 'DATABASE_URL', 'AMQP_URL']) {
        expect(problems).toContain(`${name} is required but not set`);
      }
    }
  });

  test('refuses a secrets key that is not 32 bytes of hex, and a short admin password', () => {
    try {
      loadTenantConfig({ SECRETS_KEY: 'abc123', PLATFORM_ADMIN_PASSWORD: 'short' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([
        'PLATFORM_ADMIN_PASSWORD: must be at least 10 characters',
        'SECRETS_KEY: must be 64 hexadecimal characters (a 32-byte key)',
      ]);
    }
  });
});
