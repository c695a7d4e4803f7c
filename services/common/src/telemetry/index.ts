export * from './propagation';
