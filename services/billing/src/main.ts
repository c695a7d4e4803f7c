import './instrument';
import { runMain } from '@azotte/common';
import { loadBillingConfig } from './config';
import { startBillingService } from './service';

runMain('billing', loadBillingConfig, (config, logger) => startBillingService(config, { logger }));
