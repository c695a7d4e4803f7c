export * from './client';
export * from './metadata';
export * from './require-scope';
export * from './server';
export * from './access';
export * from './storefronts';
export * from './logging';
export * from './target';
