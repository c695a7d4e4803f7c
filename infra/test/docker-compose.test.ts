import fs from 'node:fs';
import path from 'node:path';
import { METRICS_PORTS } from '@azotte/common';
import { ROOT, readRepoFile } from './support/prometheus';

// docker-compose.yml cannot be run here (no Docker); what can be read is checked: the files it
// mounts exist, Prometheus and Grafana get the configuration infra/ keeps for them, and nothing
// but those UIs, the servers and the gateway is published.
const compose = readRepoFile('docker-compose.yml');

/** The lines of one top-level service's block. */
function serviceBlock(name: string): string {
  const start = compose.search(new RegExp(`^ {2}${name}:\\s*$`, 'm'));
  if (start < 0) throw new Error(`no service ${name} in docker-compose.yml`);
  const rest = compose.slice(start + 1);
  const end = rest.search(/^ {2}\S|^\S/m);
  return end < 0 ? rest : rest.slice(0, end);
}

const binds = (block: string) => [...block.matchAll(/^\s+- (\.\/[^:\s]+):([^:\s]+)(?::ro)?\s*$/gm)].map(([, source, target]) => ({ source: source!, target: target! }));

test('every file or folder the compose file mounts from the repository exists', () => {
  const sources = [...compose.matchAll(/^\s+- (\.\/[^:\s]+):/gm)].map(([, source]) => source!);
  expect(sources.length).toBeGreaterThan(0);
  expect(sources.filter((source) => !fs.existsSync(path.join(ROOT, source)))).toEqual([]);
});

test('Prometheus gets the compose scrape config and the alert rules beside it, as the config names them', () => {
  const prometheus = serviceBlock('prometheus');
  expect(prometheus).toMatch(/image: prom\/prometheus:/);
  expect(prometheus).toContain('--config.file=/etc/prometheus/prometheus.yml');
  expect(binds(prometheus)).toEqual(
    expect.arrayContaining([
      { source: './infra/prometheus/prometheus.compose.yml', target: '/etc/prometheus/prometheus.yml' },
      { source: './infra/prometheus/alerts.yml', target: '/etc/prometheus/alerts.yml' },
    ]),
  );
  expect(readRepoFile('infra/prometheus/prometheus.compose.yml')).toMatch(/^ {2}- alerts\.yml$/m);
  expect(prometheus).toContain('"127.0.0.1:9090:9090"');
});

test('Grafana gets the provisioning and the dashboards where the provisioning looks for them', () => {
  const grafana = serviceBlock('grafana');
  expect(grafana).toMatch(/image: grafana\/grafana:/);
  const dashboardsDir = /AZOTTE_DASHBOARDS_DIR: (\S+)/.exec(grafana)?.[1];
  expect(dashboardsDir).toBeDefined();
  expect(binds(grafana)).toEqual(
    expect.arrayContaining([
      { source: './infra/grafana/provisioning', target: '/etc/grafana/provisioning' },
      { source: './infra/grafana/dashboards', target: dashboardsDir },
    ]),
  );
  expect(readRepoFile('infra/grafana/provisioning/dashboards/azotte.yml')).toContain('path: ${AZOTTE_DASHBOARDS_DIR}');
  expect(readRepoFile('infra/grafana/provisioning/datasources/prometheus.yml')).toContain('url: ${PROMETHEUS_URL}');
  expect(grafana).toContain('PROMETHEUS_URL: http://prometheus:9090');
  expect(grafana).toContain('"127.0.0.1:3000:3000"');
});

test("no service's metrics port is published: only Prometheus, on the compose network, scrapes them", () => {
  const published = [...compose.matchAll(/^\s+- "([^"]+)"\s*(?:#.*)?$/gm)].map(([, port]) => port!).filter((p) => /^[\d.:]+$/.test(p));
  expect(published.length).toBeGreaterThan(0);
  const metricsPorts = new Set(Object.values(METRICS_PORTS).map(String));
  expect(published.filter((p) => p.split(':').some((part) => metricsPorts.has(part)))).toEqual([]);
  // The UIs and the servers are published on loopback only; the gateway is the public door.
  expect(published.filter((p) => !p.startsWith('127.0.0.1:'))).toEqual(['8080:8080']);
});
