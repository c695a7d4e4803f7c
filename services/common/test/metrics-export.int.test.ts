import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { metricsExportInterval, metricsExportUrl, startMetricsExport, type MetricsExport } from '../src';
import { waitFor } from '../src/testing';

// Tests read into the posted JSON freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** An OTLP/HTTP receiver on loopback that keeps what is posted to it, answering `status`. */
async function receiver(status = 200) {
  const posts: Array<{ path: string; contentType: string | undefined; body: Json }> = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    posts,
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const attributes = (list: Json[]) => Object.fromEntries(list.map((a: Json) => [a.key, a.value.stringValue]));
const metricNamed = (body: Json, name: string) => body.resourceMetrics[0].scopeMetrics[0].metrics.find((m: Json) => m.name === name);

function registryWithOneOfEach() {
  const registry = new Registry();
  const counter = new Counter({ name: 'probe_things_total', help: 'things', labelNames: ['kind'], registers: [registry] });
  const gauge = new Gauge({ name: 'probe_backlog', help: 'backlog', registers: [registry] });
  const histogram = new Histogram({ name: 'probe_duration_seconds', help: 'duration', labelNames: ['kind'], buckets: [0.1, 1], registers: [registry] });
  counter.inc({ kind: 'a' }, 3);
  gauge.set(7);
  for (const seconds of [0.05, 0.5, 0.7, 5]) histogram.observe({ kind: 'a' }, seconds);
  return registry;
}

let exporter: MetricsExport | undefined;
afterEach(async () => {
  await exporter?.stop();
  exporter = undefined;
});

test('the registry is pushed as OTLP JSON: a counter as a cumulative monotonic sum, a gauge, and a histogram with per-bucket counts', async () => {
  const collector = await receiver();
  try {
    exporter = startMetricsExport({
      registry: registryWithOneOfEach(),
      service: 'probe',
      logger: pino({ level: 'silent' }),
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: `${collector.endpoint}/`, OTEL_METRIC_EXPORT_INTERVAL: '50' },
    });
    expect(exporter?.url).toBe(`${collector.endpoint}/v1/metrics`);
    const post = await waitFor(() => collector.posts[0], { what: 'a push to arrive' });
    expect(post.path).toBe('/v1/metrics');
    expect(post.contentType).toBe('application/json');
    expect(attributes(post.body.resourceMetrics[0].resource.attributes)).toEqual({ 'service.name': 'azotte-probe' });

    const counter = metricNamed(post.body, 'probe_things_total');
    expect(counter.sum).toMatchObject({ aggregationTemporality: 2, isMonotonic: true });
    expect(counter.sum.dataPoints).toHaveLength(1);
    expect(counter.sum.dataPoints[0]).toMatchObject({ asDouble: 3 });
    expect(attributes(counter.sum.dataPoints[0].attributes)).toEqual({ kind: 'a' });

    const gauge = metricNamed(post.body, 'probe_backlog');
    expect(gauge.gauge.dataPoints).toEqual([expect.objectContaining({ asDouble: 7, attributes: [] })]);

    const histogram = metricNamed(post.body, 'probe_duration_seconds');
    expect(histogram.histogram.aggregationTemporality).toBe(2);
    const [point] = histogram.histogram.dataPoints;
    expect(point).toMatchObject({ count: '4', explicitBounds: [0.1, 1], bucketCounts: ['1', '2', '1'] });
    expect(point.sum).toBeCloseTo(6.25);
    expect(attributes(point.attributes)).toEqual({ kind: 'a' });
    expect(BigInt(point.timeUnixNano)).toBeGreaterThanOrEqual(BigInt(point.startTimeUnixNano));

    // Pushed again at the interval, cumulative.
    await waitFor(() => collector.posts.length >= 2, { what: 'a second push' });
  } finally {
    await exporter?.stop();
    exporter = undefined;
    await collector.close();
  }
});

test('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT is used as is, and OTEL_SERVICE_NAME names the resource', async () => {
  const collector = await receiver();
  try {
    exporter = startMetricsExport({
      registry: registryWithOneOfEach(),
      service: 'probe',
      logger: pino({ level: 'silent' }),
      env: { OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${collector.endpoint}/custom`, OTEL_SERVICE_NAME: 'probe-east' },
    });
    // The default interval is a minute: stop() pushes the last values.
    await exporter?.stop();
    exporter = undefined;
    expect(collector.posts.map((p) => p.path)).toEqual(['/custom']);
    expect(attributes(collector.posts[0].body.resourceMetrics[0].resource.attributes)).toEqual({ 'service.name': 'probe-east' });
  } finally {
    await collector.close();
  }
});

test('a push the collector refuses, or that finds no collector, is a warning and nothing more', async () => {
  const collector = await receiver(503);
  const warnings: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line).msg) });
  try {
    exporter = startMetricsExport({ registry: registryWithOneOfEach(), service: 'probe', logger, env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, OTEL_METRIC_EXPORT_INTERVAL: '20' } });
    await waitFor(() => warnings.length >= 2, { what: 'two refused pushes to be logged' });
  } finally {
    await exporter?.stop();
    exporter = undefined;
    await collector.close();
  }
  // Nobody listens any more.
  const gone = startMetricsExport({ registry: registryWithOneOfEach(), service: 'probe', logger, env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint } });
  await expect(gone?.push()).resolves.toBeUndefined();
  await gone?.stop();
  expect(new Set(warnings)).toEqual(new Set(['metrics could not be pushed over OTLP; trying again at the next interval']));
});

test('the standard variables decide whether and how often metrics are pushed', () => {
  expect(metricsExportUrl({})).toBeUndefined();
  expect(metricsExportUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
  expect(metricsExportUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe('http://collector:4318/v1/metrics');
  expect(metricsExportUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://b:4318/m' })).toBe('http://b:4318/m');
  expect(metricsExportInterval({})).toBe(60_000);
  expect(metricsExportInterval({ OTEL_METRIC_EXPORT_INTERVAL: '15000' })).toBe(15_000);
  expect(() => metricsExportInterval({ OTEL_METRIC_EXPORT_INTERVAL: 'soon' })).toThrow(/OTEL_METRIC_EXPORT_INTERVAL/);
});
