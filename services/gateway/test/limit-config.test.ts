import { ConfigError } from '@azotte/common';
import { loadGatewayConfig } from '../src/config';

describe("the rate limits' store", () => {
  it('is Postgres unless a Redis is configured, and Redis when one is', () => {
    expect(loadGatewayConfig({}).RATE_LIMIT_STORE).toBe('postgres');
    expect(loadGatewayConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).RATE_LIMIT_STORE).toBe('redis');
    expect(loadGatewayConfig({ REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_STORE: 'memory' }).RATE_LIMIT_STORE).toBe('memory');
  });

  it('refuses redis without REDIS_URL, a REDIS_URL that is not one, and an unknown store, naming the variable', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadGatewayConfig(env);
        return [];
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        return err.problems;
      }
    };
    expect(problems({ RATE_LIMIT_STORE: 'redis' })).toEqual([expect.stringContaining('RATE_LIMIT_STORE')]);
    expect(problems({ REDIS_URL: 'http://127.0.0.1:6379' })).toEqual([expect.stringContaining('REDIS_URL')]);
    expect(problems({ RATE_LIMIT_STORE: 'disk' })).toEqual([expect.stringContaining('RATE_LIMIT_STORE')]);
  });
});
