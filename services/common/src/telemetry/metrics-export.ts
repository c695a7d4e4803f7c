import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export interface MetricsExportOptions {
  registry: Registry;
  /** The service's name; `service.name` is OTEL_SERVICE_NAME or `azotte-<service>`. */
  service: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

export interface MetricsExport {
  /** Where the metrics go. */
  url: string;
  intervalMs: number;
  /** Pushes once now (also what the timer does); never rejects. */
  push(): Promise<void>;
  /** Stops the timer and pushes a last time. */
  stop(): Promise<void>;
}

/** The OTLP metrics URL the environment names, or undefined when metrics are not to be pushed. */
export function metricsExportUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.OTEL_SDK_DISABLED === 'true') return undefined;
  if (env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT) return env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/metrics`;
  return undefined;
}

/** OTEL_METRIC_EXPORT_INTERVAL in ms; a value that is not a positive integer fails the start, naming it. */
export function metricsExportInterval(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.OTEL_METRIC_EXPORT_INTERVAL;
  if (raw === undefined || raw === '') return 60_000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`OTEL_METRIC_EXPORT_INTERVAL must be a positive number of milliseconds, not "${raw}"`);
  return ms;
}

const PUSH_TIMEOUT_MS = 10_000;

/**
 * Pushes a service's metrics registry over OTLP/HTTP JSON, beside the traces
 * that sdk.ts sends, honouring the standard variables: on when
 * OTEL_EXPORTER_OTLP_ENDPOINT (then to `<endpoint>/v1/metrics`) or
 * OTEL_EXPORTER_OTLP_METRICS_ENDPOINT (used as is) is set and
 * OTEL_SDK_DISABLED is not `true`; every OTEL_METRIC_EXPORT_INTERVAL ms
 * (60000 by default). The registry stays the one source: what Prometheus
 * scrapes is what is pushed, cumulative, as the scrape reads it.
 *
 * Returns undefined when the environment does not ask for it. A failed push
 * is a warning, never a crash; the next interval tries again.
 */
export function startMetricsExport(options: MetricsExportOptions): MetricsExport | undefined {
  const { registry, service, logger, env = process.env } = options;
  const url = metricsExportUrl(env);
  if (!url) return undefined;
  const intervalMs = metricsExportInterval(env);
  const resource = { attributes: [stringAttribute('service.name', env.OTEL_SERVICE_NAME ?? `azotte-${service}`)] };
  const startNs = nanos(Date.now());
  let pushing: Promise<void> | undefined;
  const send = async () => {
    const body = toOtlpMetrics((await registry.getMetricsAsJSON()) as unknown as Metric[], { resource, startNs, nowNs: nanos(Date.now()) });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`the collector answered ${res.status}`);
  };
  // Pushes never overlap: a slow collector delays the next one instead of piling them up.
  const push = () =>
    (pushing ??= send()
      .catch((err: unknown) => logger.warn({ err, url }, 'metrics could not be pushed over OTLP; trying again at the next interval'))
      .finally(() => {
        pushing = undefined;
      }));
  const timer = setInterval(() => void push(), intervalMs);
  timer.unref();
  logger.info({ url, intervalMs }, 'pushing metrics over OTLP');
  return {
    url,
    intervalMs,
    push,
    async stop() {
      clearInterval(timer);
      await pushing;
      await push();
    },
  };
}

type Labels = Record<string, string | number | undefined>;
/** One metric as prom-client's `getMetricsAsJSON` gives it (its types leave out `metricName`). */
interface Metric {
  name: string;
  help: string;
  type: string;
  values: Array<{ value: number; labels: Labels; metricName?: string }>;
}
interface Attribute {
  key: string;
  value: { stringValue: string };
}

const stringAttribute = (key: string, value: string): Attribute => ({ key, value: { stringValue: value } });
const nanos = (ms: number) => `${BigInt(Math.round(ms)) * 1_000_000n}`;
const attributesOf = (labels: Labels, without?: string): Attribute[] =>
  Object.entries(labels)
    .filter(([key, value]) => key !== without && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => stringAttribute(key, String(value)));
const seriesKey = (labels: Labels, without: string) => JSON.stringify(attributesOf(labels, without));

/** AGGREGATION_TEMPORALITY_CUMULATIVE: every value counts from the process's start. */
const CUMULATIVE = 2;

/**
 * prom-client's registry as an OTLP ExportMetricsServiceRequest (JSON form):
 * counters as cumulative monotonic sums, gauges as gauges, histograms as
 * cumulative histograms with their bounds and per-bucket (not cumulative)
 * counts, summaries as summaries. A sample that is not a number (a gauge whose
 * read failed reports NaN) is left out. Exported for its tests.
 */
export function toOtlpMetrics(metrics: Metric[], at: { resource: { attributes: Attribute[] }; startNs: string; nowNs: string }) {
  const times = { startTimeUnixNano: at.startNs, timeUnixNano: at.nowNs };
  const numberPoints = (m: Metric) =>
    m.values
      .filter((v) => Number.isFinite(v.value))
      .map((v) => ({ attributes: attributesOf(v.labels), ...times, asDouble: v.value }));
  const out = metrics.flatMap((m): object[] => {
    const base = { name: m.name, description: m.help };
    switch (m.type) {
      case 'counter':
        return [{ ...base, sum: { aggregationTemporality: CUMULATIVE, isMonotonic: true, dataPoints: numberPoints(m) } }];
      case 'gauge':
        return [{ ...base, gauge: { dataPoints: numberPoints(m) } }];
      case 'histogram':
        return [{ ...base, histogram: { aggregationTemporality: CUMULATIVE, dataPoints: histogramPoints(m, times) } }];
      case 'summary':
        return [{ ...base, summary: { dataPoints: summaryPoints(m, times) } }];
      default:
        return [];
    }
  });
  return { resourceMetrics: [{ resource: at.resource, scopeMetrics: [{ scope: { name: 'azotte' }, metrics: out }] }] };
}

function histogramPoints(m: Metric, times: { startTimeUnixNano: string; timeUnixNano: string }) {
  const series = new Map<string, { labels: Labels; buckets: Array<{ le: number; count: number }>; sum: number; count: number }>();
  const entry = (labels: Labels) => {
    const key = seriesKey(labels, 'le');
    let s = series.get(key);
    if (!s) series.set(key, (s = { labels, buckets: [], sum: 0, count: 0 }));
    return s;
  };
  for (const v of m.values) {
    const labels = v.labels;
    if (v.metricName === `${m.name}_bucket`) entry(labels).buckets.push({ le: labels.le === '+Inf' ? Infinity : Number(labels.le), count: v.value });
    else if (v.metricName === `${m.name}_sum`) entry(labels).sum = v.value;
    else if (v.metricName === `${m.name}_count`) entry(labels).count = v.value;
  }
  return [...series.values()].map((s) => {
    const buckets = s.buckets.sort((a, b) => a.le - b.le);
    // Prometheus buckets are cumulative (≤ le); OTLP wants each bucket's own count, the last one past every bound.
    const bucketCounts = buckets.map((b, i) => String(b.count - (i > 0 ? buckets[i - 1].count : 0)));
    return {
      attributes: attributesOf(s.labels, 'le'),
      ...times,
      count: String(s.count),
      sum: s.sum,
      explicitBounds: buckets.filter((b) => Number.isFinite(b.le)).map((b) => b.le),
      bucketCounts,
    };
  });
}

function summaryPoints(m: Metric, times: { startTimeUnixNano: string; timeUnixNano: string }) {
  const series = new Map<string, { labels: Labels; quantileValues: Array<{ quantile: number; value: number }>; sum: number; count: number }>();
  for (const v of m.values) {
    const labels = v.labels;
    const key = seriesKey(labels, 'quantile');
    let s = series.get(key);
    if (!s) series.set(key, (s = { labels, quantileValues: [], sum: 0, count: 0 }));
    if (v.metricName === `${m.name}_sum`) s.sum = v.value;
    else if (v.metricName === `${m.name}_count`) s.count = v.value;
    else if (Number.isFinite(v.value)) s.quantileValues.push({ quantile: Number(labels.quantile), value: v.value });
  }
  return [...series.values()].map((s) => ({
    attributes: attributesOf(s.labels, 'quantile'),
    ...times,
    count: String(s.count),
    sum: s.sum,
    quantileValues: s.quantileValues,
  }));
}
