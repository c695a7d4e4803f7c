import './instrument';
import { runMain } from '@azotte/common';
import { loadCustomerConfig } from './config';
import { startCustomerService } from './service';

runMain('customer', loadCustomerConfig, (config, logger) => startCustomerService(config, { logger }));
