import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMetricsRegistry } from '@azotte/common';
import { alertRules, KNOWN_METRICS, metricNames, promtool, prometheusToolPresent, readRepoFile, ruleExpressions } from './support/prometheus';

// infra/grafana: the provisioned datasource and dashboard, and the PromQL of every panel (and of
// every alert rule) naming only metrics the services expose.

interface Target {
  expr: string;
  refId: string;
  datasource?: { type: string; uid: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: Target[];
}

const DASHBOARD = 'infra/grafana/dashboards/azotte.json';
const dashboard = JSON.parse(readRepoFile(DASHBOARD)) as {
  uid: string;
  panels: Panel[];
  templating: { list: Array<{ name: string; query: { query: string } | string; includeAll?: boolean; multi?: boolean; allValue?: string }> };
};
const graphs = dashboard.panels.filter((p) => p.type !== 'row');
const expressions = graphs.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));
const hasPromtool = prometheusToolPresent('promtool', "the PromQL check of the dashboard's expressions");

/** Grafana's variables given plain values, so that Prometheus' own parser can read the expression. */
const asPlainPromql = (expr: string) => expr.replaceAll('$__rate_interval', '5m').replaceAll('$__interval', '1m').replaceAll('$__range', '1h').replaceAll('$service', '.*');

/** Node's own metrics as prom-client names them, from a registry made as the services make theirs. */
const nodeDefaults = async () => new Set((await createMetricsRegistry().getMetricsAsJSON()).flatMap((m) => (String(m.type) === 'histogram' ? [`${m.name}_bucket`, `${m.name}_count`, `${m.name}_sum`] : [m.name])));

async function unknownMetrics(items: Array<{ expr: string }>) {
  const node = await nodeDefaults();
  return items.flatMap(({ expr }) => metricNames(expr)).filter((name) => !KNOWN_METRICS.has(name) && !node.has(name));
}

describe('the Grafana dashboard', () => {
  test('has a service variable, of every service Prometheus scrapes, that can be all or some', () => {
    const variable = dashboard.templating.list.find((v) => v.name === 'service');
    expect(variable).toMatchObject({ includeAll: true, multi: true, allValue: '.*' });
    expect(typeof variable!.query === 'string' ? variable!.query : variable!.query.query).toBe('label_values(up, service)');
  });

  test('reads from the provisioned Prometheus datasource in every panel and query', () => {
    const uid = /^\s+uid: (\S+)$/m.exec(readRepoFile('infra/grafana/provisioning/datasources/prometheus.yml'))?.[1];
    expect(uid).toBeDefined();
    for (const panel of graphs) {
      expect({ panel: panel.title, datasource: panel.datasource?.uid }).toEqual({ panel: panel.title, datasource: uid });
      for (const target of panel.targets ?? []) expect({ panel: panel.title, datasource: target.datasource?.uid }).toEqual({ panel: panel.title, datasource: uid });
    }
  });

  test('has unique panel ids, and every graph a query filtered by the service variable', () => {
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    expect(graphs.filter((p) => (p.targets ?? []).length === 0).map((p) => p.title)).toEqual([]);
    expect(expressions.filter(({ expr }) => !expr.includes('service=~"$service"'))).toEqual([]);
  });

  test('shows the golden signals and the money pipeline', () => {
    const shown = new Set(expressions.flatMap(({ expr }) => metricNames(expr)));
    for (const metric of [
      'http_server_request_duration_seconds_count',
      'http_server_request_duration_seconds_bucket',
      'rpc_server_duration_seconds_bucket',
      'db_client_connections',
      'db_client_connection_pending_requests',
      'nodejs_eventloop_lag_p99_seconds',
      'azotte_outbox_unsent_messages',
      'azotte_outbox_oldest_unsent_age_seconds',
      'messaging_client_sent_messages_total',
      'messaging_client_consumed_messages_total',
      'azotte_messaging_process_failures_total',
      'azotte_messaging_consume_lag_seconds_bucket',
      'azotte_messaging_dlq_messages',
      'azotte_billing_scheduler_due_subscriptions',
      'azotte_billing_renewals_total',
      'azotte_webhook_deliveries_total',
      'azotte_webhook_pending_deliveries',
    ]) {
      expect({ metric, shown: shown.has(metric) }).toEqual({ metric, shown: true });
    }
  });

  test('names only metrics the services expose (or Node and Prometheus do)', async () => {
    expect(await unknownMetrics(expressions)).toEqual([]);
  });

  (hasPromtool ? test : test.skip)("queries are PromQL Prometheus accepts (each as a recording rule through promtool check rules)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azotte-dashboard-'));
    try {
      // JSON is YAML: one recording rule per query.
      const rules = { groups: [{ name: 'dashboard', rules: expressions.map(({ expr }, i) => ({ record: `dashboard:query_${i}`, expr: asPlainPromql(expr) })) }] };
      fs.writeFileSync(path.join(dir, 'dashboard-rules.yml'), JSON.stringify(rules));
      const check = promtool('check', 'rules', path.join(dir, 'dashboard-rules.yml'));
      expect(check.output).toContain(`SUCCESS: ${expressions.length} rules found`);
      expect(check.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('metric names in PromQL', () => {
  test('are what is left without strings, matchers, ranges, grouping and functions', () => {
    expect(
      metricNames('histogram_quantile(0.99, sum by (service, le) (rate(a_bucket{service=~"$service", x="rate(b)"}[$__rate_interval]))) / on (service) group_left c > 1e3 and d offset 10m'),
    ).toEqual(['a_bucket', 'c', 'd']);
  });

  test('of the alert rules are all metrics the services expose', async () => {
    const exprs = ruleExpressions(alertRules(readRepoFile('infra/prometheus/alerts.yml')));
    expect(exprs.length).toBeGreaterThanOrEqual(10);
    expect(await unknownMetrics(exprs)).toEqual([]);
  });

  test('outside the list are caught', async () => {
    expect(await unknownMetrics([{ expr: 'rate(azotte_no_such_metric_total[5m]) + nodejs_no_such_default' }])).toEqual(['azotte_no_such_metric_total', 'nodejs_no_such_default']);
  });
});
