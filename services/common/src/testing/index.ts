export * from './servers';
export * from './tcp-proxy';
export * from './events';
export * from './platform';
