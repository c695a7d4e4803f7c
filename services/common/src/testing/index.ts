export * from './servers';
export * from './tcp-proxy';
