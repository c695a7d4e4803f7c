import { ConfigError, loadConfig, METRICS_PORTS, metricsConfigShape, metricsPortOf } from '../src';

describe('a service metrics port', () => {
  test('defaults apart from the gRPC and gateway ports, and to a free one under NODE_ENV=test', () => {
    expect(loadConfig(metricsConfigShape('tenant', {}), {})).toEqual({ TENANT_METRICS_PORT: 9461 });
    expect(loadConfig(metricsConfigShape('gateway', { NODE_ENV: 'test' }), {})).toEqual({ GATEWAY_METRICS_PORT: 0 });
    const ports = Object.values(METRICS_PORTS);
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) expect(port === 8080 || (port >= 50051 && port <= 50057)).toBe(false);
  });

  test('is read from the configuration when the service declares it', () => {
    expect(metricsPortOf('tenant', { TENANT_METRICS_PORT: 19461 })).toBe(19461);
  });

  describe('for a service whose configuration does not declare it', () => {
    const saved = process.env.BILLING_METRICS_PORT;
    afterEach(() => {
      if (saved === undefined) delete process.env.BILLING_METRICS_PORT;
      else process.env.BILLING_METRICS_PORT = saved;
    });

    test('comes from the environment, with the same defaults', () => {
      delete process.env.BILLING_METRICS_PORT;
      expect(metricsPortOf('billing', { NODE_ENV: 'development' })).toBe(9464);
      expect(metricsPortOf('billing', { NODE_ENV: 'test' })).toBe(0);
      process.env.BILLING_METRICS_PORT = '19464';
      expect(metricsPortOf('billing', { NODE_ENV: 'test' })).toBe(19464);
    });

    test('fails the start naming the variable when it is not a port', () => {
      process.env.BILLING_METRICS_PORT = 'ninety';
      expect(() => metricsPortOf('billing', {})).toThrow(ConfigError);
      expect(() => metricsPortOf('billing', {})).toThrow(/BILLING_METRICS_PORT/);
    });
  });
});
