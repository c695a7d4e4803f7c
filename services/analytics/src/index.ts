export { analyticsConfigShape, loadAnalyticsConfig, type AnalyticsConfig } from './config';
export { startAnalyticsService, type RunningAnalyticsService, type StartOptions } from './service';
export { rebuildProjections } from './domain/rebuild';
