export * from './conditions';
export * from './evaluate';
export * from './registry';
export * from './types';
export * from './validate';
