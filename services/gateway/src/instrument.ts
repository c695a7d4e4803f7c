// Loaded first by main.ts: OpenTelemetry must patch http, express, grpc, pg and pino before they load.
import { startTelemetry } from '@azotte/common/telemetry';

startTelemetry('gateway');
