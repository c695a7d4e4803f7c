import './instrument';
import { runMain } from '@azotte/common';
import { loadWebhookConfig } from './config';
import { startWebhookService } from './service';

runMain('webhook', loadWebhookConfig, (config, logger) => startWebhookService(config, { logger }));
