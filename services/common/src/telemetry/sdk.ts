import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';
import { OTLPTraceExporter as OTLPHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KnexInstrumentation } from '@opentelemetry/instrumentation-knex';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { NodeSDK } from '@opentelemetry/sdk-node';

let sdk: NodeSDK | undefined;

/** Why telemetry is off, or undefined when it is on. */
export function telemetryDisabledReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.OTEL_SDK_DISABLED === 'true') return 'OTEL_SDK_DISABLED=true';
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    return 'no OTEL_EXPORTER_OTLP_ENDPOINT';
  }
  return undefined;
}

/**
 * Starts OpenTelemetry for a service, honouring the standard OTEL_* variables:
 * traces go over OTLP, as http/protobuf (the default) or http/json. Off when no
 * endpoint is set or OTEL_SDK_DISABLED=true.
 *
 * Must run before express, pg, knex, amqplib, grpc or pino are first required,
 * so that their instrumentations can patch them: each service's `main.ts`
 * imports its `instrument.ts` first.
 */
const HOSTED_SECRET = /\/hs_[A-Za-z0-9_-]{43}/;
const HOSTED_SECRET_ALL = /\/hs_[A-Za-z0-9_-]{43}/g;

/** A URL with every hosted-page secret (`hs_…`) cut out. */
export const redactHostedSecrets = (url: string) => url.replace(HOSTED_SECRET_ALL, '/hs_…');

export function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (sdk || telemetryDisabledReason(env)) return false;
  if (env.OTEL_LOG_LEVEL === 'debug') diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.DEBUG);
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  const traceExporter = protocol === 'http/json' ? new OTLPHttpJsonExporter() : new OTLPProtobufExporter();
  sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? `azotte-${serviceName}`,
    traceExporter,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /\/(healthz|readyz)$/.test(req.url ?? ''),
        // A hosted page's URL holds its session's secret: traces keep the path without it.
        requestHook: (span, req) => {
          const url = 'url' in req ? req.url : undefined;
          if (!url || !HOSTED_SECRET.test(url)) return;
          const redacted = redactHostedSecrets(url);
          span.setAttributes({ 'http.target': redacted, 'url.path': redacted.split('?')[0], 'http.url': redacted, 'url.full': redacted });
        },
      }),
      new ExpressInstrumentation(),
      // Health checks are polled constantly and would drown every trace view.
      new GrpcInstrumentation({ ignoreGrpcMethods: ['Check', 'Watch'] }),
      new PgInstrumentation(),
      new KnexInstrumentation(),
      new AmqplibInstrumentation(),
      new PinoInstrumentation(),
    ],
  });
  sdk.start();
  return true;
}

/** Flushes and stops telemetry; safe to call when it never started. */
export async function stopTelemetry(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = undefined;
}
