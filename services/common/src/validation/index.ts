export * from './validate';
export * from './fields';
