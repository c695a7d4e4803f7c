// Loaded first by main.ts, so the instrumentations patch pg, knex, amqplib, grpc and pino
// before anything else requires them.
import { startTelemetry } from '@azotte/common/telemetry';

startTelemetry('webhook');
