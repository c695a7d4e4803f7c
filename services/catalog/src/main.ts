import './instrument';
import { runMain } from '@azotte/common';
import { loadCatalogConfig } from './config';
import { startCatalogService } from './service';

runMain('catalog', loadCatalogConfig, (config, logger) => startCatalogService(config, { logger }));
