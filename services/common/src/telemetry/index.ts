export * from './propagation';
export * from './metrics-export';
