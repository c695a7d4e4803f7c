export * from './database';
export * from './pagination';
export * from './scoped';
export * from './knex-log';
export * from './request-keys';
