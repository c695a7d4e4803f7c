/** Reading a service's `/metrics` in tests: the Prometheus text format, as prom-client writes it. */

/** The text a service's metrics port serves; an answer other than 200 is an error naming it. */
export async function scrapeMetrics(port: number | string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (res.status !== 200) throw new Error(`GET /metrics on ${port} answered ${res.status}`);
  return res.text();
}

/** The value of one sample, its labels given in the order prom-client writes them; undefined when absent. */
export function metricSample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** The sum of every sample of `name` (any labels) whose line contains each of `having`. */
export function sumOfSamples(text: string, name: string, ...having: string[]): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && having.every((part) => line.includes(part)))
    .reduce((n, line) => n + Number(line.split(' ').pop()), 0);
}
