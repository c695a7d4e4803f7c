import './instrument';
import { runMain } from '@azotte/common';
import { loadCampaignConfig } from './config';
import { startCampaignService } from './service';

runMain('campaign', loadCampaignConfig, (config, logger) => startCampaignService(config, { logger }));
