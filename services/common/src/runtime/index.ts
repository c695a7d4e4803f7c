export * from './main';
export * from './service-runtime';
