import './instrument';
import { runMain } from '@azotte/common';
import { loadAnalyticsConfig } from './config';
import { startAnalyticsService } from './service';

runMain('analytics', loadAnalyticsConfig, (config, logger) => startAnalyticsService(config, { logger }));
