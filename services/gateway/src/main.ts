import './instrument';
import { runMain } from '@azotte/common';
import { loadGatewayConfig } from './config';
import { startGateway } from './service';

runMain('gateway', loadGatewayConfig, (config, logger) => startGateway(config, { logger }));
