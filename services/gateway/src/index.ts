export { loadGatewayConfig, gatewayConfigShape, type GatewayConfig } from './config';
export { startGateway, type RunningGateway } from './service';
