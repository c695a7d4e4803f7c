export * from './connection';
export * from './consumer';
export * from './event';
export * from './inbox';
export * from './outbox';
export * from './publisher';
export * from './relay';
export * from './topology';
