export * from '../gen';
