import { trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentContext } from '../context/scope';

export type { Logger } from 'pino';

/**
 * Field names whose values never reach a log line, at any of the first three
 * levels of nesting: passwords, tokens, API keys, provider credentials, cards.
 */
const SECRET_KEYS = [
  'password',
  'accessToken',
  'token',
  'apiKey',
  'key',
  'authorization',
  'cookie',
  'credentials',
  'secret',
  'card',
  'cardNumber',
  'cvc',
];
const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]).concat([
  'req.headers.authorization',
  'req.headers.cookie',
]);

// A run of 13 to 19 digits, possibly split by spaces or dashes: what a card number looks like.
const PAN = /\b(?:\d[ -]?){12,18}\d\b/g;

/** Masks anything shaped like a card number in a free-text message. */
export function scrubCardNumbers(text: string): string {
  return text.replace(PAN, '[redacted-pan]');
}

/**
 * The service's logger: JSON lines carrying `service`, the active `trace_id`
 * and `span_id`, and the scope of the call being served.
 */
export function createLogger(
  service: string,
  { level = process.env.LOG_LEVEL ?? 'info', destination }: { level?: string; destination?: DestinationStream } = {},
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.epochTime,
    mixin() {
      const fields: Record<string, unknown> = {};
      const span = trace.getActiveSpan()?.spanContext();
      if (span && span.traceId !== '00000000000000000000000000000000') {
        fields.trace_id = span.traceId;
        fields.span_id = span.spanId;
      }
      const ctx = currentContext();
      if (ctx) {
        fields.scope = {
          tenantId: ctx.scope?.tenantId ?? ctx.tenantId,
          environmentId: ctx.scope?.environmentId,
          actor: `${ctx.actor.type}:${ctx.actor.id}`,
        };
      }
      return fields;
    },
    hooks: {
      logMethod(args, method) {
        // Messages are constant strings by habit, but a stray interpolated card number must not leak.
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubCardNumbers(a) : a));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
