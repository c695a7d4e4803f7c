import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The repository's root, from infra/test/support. */
export const ROOT = path.resolve(__dirname, '../../..');

/**
 * Whether a Prometheus tool (Debian's `prometheus` package) is there. When it is not, the test
 * says so and skips, as the metrics lint does (services/common/src/testing/promtool.ts); with
 * TEST_REQUIRE_PROMTOOL=true (.ci/run sets it) a missing tool is an error.
 */
export function prometheusToolPresent(tool: 'promtool' | 'prometheus', what: string): boolean {
  const found = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if ((found.error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT') return true;
  if (process.env.TEST_REQUIRE_PROMTOOL === 'true') throw new Error(`${tool} is not installed (apt-get install prometheus) and TEST_REQUIRE_PROMTOOL=true`);
  console.warn(`${tool} is not installed (apt-get install prometheus): ${what} skipped`);
  return false;
}

/** Runs promtool in the repository's root; its exit status and everything it printed. */
export function promtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { cwd: ROOT, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

export const readRepoFile = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

export interface AlertRule {
  alert: string;
  /** The rule's lines as written, for the few fields the tests read. */
  text: string;
  severity?: string;
  runbookUrl?: string;
  hasSummary: boolean;
  hasDescription: boolean;
}

/**
 * The alerting rules of a rules file as written in infra/prometheus (one `- alert:` item each).
 * promtool checks the YAML itself; this only reads our own fields, so no YAML parser is needed.
 */
export function alertRules(text: string): AlertRule[] {
  const starts = [...text.matchAll(/^(\s*)- alert: (\S+)\s*$/gm)];
  return starts.map((start, i) => {
    const end = starts[i + 1]?.index ?? text.length;
    const body = text.slice(start.index, end).split(/^\s*- name: /m)[0]!;
    return {
      alert: start[2]!,
      text: body,
      severity: /^\s+severity: (\S+)\s*$/m.exec(body)?.[1],
      runbookUrl: /^\s+runbook_url: (\S+)\s*$/m.exec(body)?.[1],
      hasSummary: /^\s+summary: \S/m.test(body),
      hasDescription: /^\s+description: \S/m.test(body),
    };
  });
}

/**
 * The anchors GitHub gives a markdown file's headings: lower case, punctuation dropped
 * (letters, digits, spaces, `-` and `_` kept), spaces to `-`, a repeated one suffixed -1, -2, ….
 */
export function markdownAnchors(markdown: string): string[] {
  const seen = new Map<string, number>();
  const anchors: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? undefined : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.push(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** The expression of each alerting rule of a rules file, as written (block scalars unfolded by promtool, not here). */
export function ruleExpressions(rules: AlertRule[]): Array<{ alert: string; expr: string }> {
  return rules.map(({ alert, text }) => {
    const match = /^\s+expr: (?:\|\s*\n)?([\s\S]*?)^\s+(?:for|labels):/m.exec(text);
    if (!match) throw new Error(`no expr found in the rule ${alert}`);
    return { alert, expr: match[1]!.trim() };
  });
}

const PROMQL_KEYWORDS = new Set(['and', 'or', 'unless', 'offset', 'bool', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'inf', 'nan', 'atan2']);

/**
 * The metric names a PromQL expression selects: what is left once strings, label matchers,
 * ranges, grouping clauses and function names are taken out. Enough for our own expressions;
 * promtool checks that they are PromQL at all.
 */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = [...bare.matchAll(/(?<![\w.:$])[a-zA-Z_:][\w:]*(?![\w:]|\s*\()/g)].map(([name]) => name).filter((name) => !PROMQL_KEYWORDS.has(name.toLowerCase()));
  return [...new Set(names)];
}

const histogram = (name: string) => [`${name}_bucket`, `${name}_count`, `${name}_sum`];

/**
 * The metrics the services expose (services/common/src/metrics and the services' own), and
 * Prometheus' `up`. Node's defaults (`process_*`, `nodejs_*`) are checked against a registry.
 */
export const KNOWN_METRICS = new Set([
  'up',
  ...histogram('http_server_request_duration_seconds'),
  ...histogram('rpc_server_duration_seconds'),
  ...histogram('rpc_client_duration_seconds'),
  'messaging_client_sent_messages_total',
  'messaging_client_consumed_messages_total',
  'azotte_messaging_process_failures_total',
  'azotte_messaging_dead_lettered_messages_total',
  ...histogram('messaging_process_duration_seconds'),
  ...histogram('azotte_messaging_consume_lag_seconds'),
  'azotte_messaging_queue_messages',
  'azotte_messaging_queue_consumers',
  'azotte_messaging_dlq_messages',
  'azotte_outbox_unsent_messages',
  'azotte_outbox_oldest_unsent_age_seconds',
  'azotte_outbox_returned_messages_total',
  'db_client_connections',
  'db_client_connection_pending_requests',
  'azotte_billing_scheduler_due_subscriptions',
  'azotte_billing_renewals_total',
  'azotte_webhook_deliveries_total',
  'azotte_webhook_pending_deliveries',
  'azotte_webhook_oldest_pending_age_seconds',
]);
