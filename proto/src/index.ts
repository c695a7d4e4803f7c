export * from '../gen';
export * from './event-types';
export * from './public';
