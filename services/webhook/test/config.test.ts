import { loadWebhookConfig } from '../src/config';

const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/azotte', AMQP_URL: 'amqp://mq' };

test('in production the secrets key is required and private networks are refused by default', () => {
  expect(() => loadWebhookConfig(production)).toThrow(/WEBHOOK_SECRETS_KEY is required/);
  const config = loadWebhookConfig({ ...production, WEBHOOK_SECRETS_KEY: 'ab'.repeat(32) });
  expect(config.WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(false);
  expect(config.WEBHOOK_TIMEOUT_MS).toBe(10_000);
  expect(config.WEBHOOK_RETRY_SCHEDULE).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
});

test('outside production private networks are allowed unless WEBHOOK_ALLOW_PRIVATE_NETWORKS=false', () => {
  expect(loadWebhookConfig({}).WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(true);
  expect(loadWebhookConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' }).WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(false);
});

test('a schedule that is not one is named', () => {
  expect(() => loadWebhookConfig({ WEBHOOK_RETRY_SCHEDULE: '5s,later' })).toThrow(/WEBHOOK_RETRY_SCHEDULE: "later" is not a delay/);
});
