export * from '../gen';
export * from './event-types';
