export { customerConfigShape, loadCustomerConfig, type CustomerConfig } from './config';
export type { Storefronts } from './domain/storefronts';
export { startCustomerService, type RunningCustomerService, type StartOptions } from './service';
