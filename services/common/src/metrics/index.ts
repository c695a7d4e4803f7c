export * from './bus';
export * from './config';
export * from './database';
export * from './http';
export * from './registry';
export * from './rpc';
export * from './server';
export * from './queue';
