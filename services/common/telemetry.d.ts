export * from './dist/telemetry/sdk';
