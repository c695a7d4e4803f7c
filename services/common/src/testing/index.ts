export * from './servers';
export * from './tcp-proxy';
export * from './events';
export * from './platform';
export * from './promtool';
export * from './broker-ready';
export * from './processes';
export * from './metrics-text';
