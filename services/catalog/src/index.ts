export { catalogConfigShape, loadCatalogConfig, type CatalogConfig } from './config';
export { startCatalogService, type RunningCatalogService, type StartOptions } from './service';
