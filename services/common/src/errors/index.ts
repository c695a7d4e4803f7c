export * from './domain-error';
export * from './grpc';
export * from './kinds';
export * from './transient';
