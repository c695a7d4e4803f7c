import './instrument';
import { runMain } from '@azotte/common';
import { loadTenantConfig } from './config';
import { startTenantService } from './service';

runMain('tenant', loadTenantConfig, (config, logger) => startTenantService(config, { logger }));
