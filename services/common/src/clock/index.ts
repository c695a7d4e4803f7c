export * from './clock';
export * from './environment-clocks';
