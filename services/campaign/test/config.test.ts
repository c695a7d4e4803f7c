import { ConfigError } from '@azotte/common';
import { loadCampaignConfig } from '../src/config';

describe('configuration', () => {
  it('has a default for every variable outside production', () => {
    expect(loadCampaignConfig({})).toMatchObject({
      CAMPAIGN_GRPC_PORT: 50055,
      CAMPAIGN_DB_SCHEMA: 'campaign',
      CATALOG_GRPC_ADDR: '127.0.0.1:50052',
      CUSTOMER_GRPC_ADDR: '127.0.0.1:50053',
      GRPC_DEADLINE_MS: 5000,
      AMQP_QUEUE_PREFIX: '',
    });
  });

  it('names every bad variable', () => {
    expect(() => loadCampaignConfig({ CAMPAIGN_GRPC_PORT: 'x', CAMPAIGN_DB_SCHEMA: 'Bad-Name' })).toThrow(ConfigError);
    try {
      loadCampaignConfig({ CAMPAIGN_GRPC_PORT: 'x', CAMPAIGN_DB_SCHEMA: 'Bad-Name' });
    } catch (err) {
      expect((err as ConfigError).problems.join('\n')).toMatch(/CAMPAIGN_GRPC_PORT[\s\S]*CAMPAIGN_DB_SCHEMA/);
    }
  });

  it('requires the servers in production', () => {
    expect(() => loadCampaignConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required/);
  });
});
