export { campaignConfigShape, loadCampaignConfig, type CampaignConfig } from './config';
export type { CustomerFacts, FactsSource, PriceFacts } from './domain/facts';
export { startCampaignService, type RunningCampaignService, type StartOptions } from './service';
