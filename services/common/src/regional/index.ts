export * from './regional';
