export { billingConfigShape, loadBillingConfig, type BillingConfig } from './config';
export { startBillingService, type RunningBillingService, type StartOptions } from './service';
