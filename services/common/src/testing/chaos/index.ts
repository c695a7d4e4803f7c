export * from './api';
export * from './burst';
export * from './outages';
export * from './scenario';
export * from './stack';
export * from './verify';
