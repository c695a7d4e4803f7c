export { DEV_PLATFORM_ADMIN_PASSWORD, loadTenantConfig, tenantConfigShape, type TenantConfig } from './config';
export { startTenantService, type RunningTenantService, type StartOptions } from './service';
