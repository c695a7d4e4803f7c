export * from './database';
export * from './pagination';
export * from './scoped';
