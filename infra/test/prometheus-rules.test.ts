import { METRICS_PORTS } from '@azotte/common';
import { alertRules, markdownAnchors, promtool, prometheusToolPresent, readRepoFile } from './support/prometheus';

// The alert rules and the two scrape configurations of infra/prometheus, checked by promtool
// (syntax, PromQL, and alerts.test.yml: each alert on series that should fire it and on
// healthy ones), and the runbook every alert links to.
const RULES = 'infra/prometheus/alerts.yml';
const RULE_TESTS = 'infra/prometheus/alerts.test.yml';
const CONFIGS = { npmStart: 'infra/prometheus/prometheus.yml', compose: 'infra/prometheus/prometheus.compose.yml' };
const RUNBOOK = 'docs/operations.md';

const rules = alertRules(readRepoFile(RULES));
const hasPromtool = prometheusToolPresent('promtool', 'the promtool checks of the alert rules and scrape configs');
const withPromtool = hasPromtool ? test : test.skip;

/** The jobs of a scrape config as written: name, target, service label. */
function scrapeJobs(text: string) {
  return [...text.matchAll(/- job_name: (\S+)\s+static_configs:\s+- targets: \["([^"]+)"\]\s+labels: \{ service: (\S+) \}/g)].map(
    ([, job, target, service]) => ({ job: job!, target: target!, service: service! }),
  );
}

describe('the alert rules', () => {
  withPromtool('pass promtool check rules', () => {
    const check = promtool('check', 'rules', RULES);
    expect(check.output).toContain('SUCCESS');
    expect(check.status).toBe(0);
  });

  withPromtool('fire on the series of alerts.test.yml that should fire them, and stay quiet on the healthy ones', () => {
    const run = promtool('test', 'rules', RULE_TESTS);
    expect(run.output).not.toContain('FAILED');
    expect(run.status).toBe(0);
  });

  test('are each tested both firing and not firing', () => {
    const tests = readRepoFile(RULE_TESTS);
    const expectations = [...tests.matchAll(/alertname: (\S+)\s+exp_alerts:(\s*\[\])?/g)].map(([, alert, none]) => ({ alert, fires: !none }));
    for (const { alert } of rules) {
      expect({ alert, fires: expectations.some((e) => e.alert === alert && e.fires) }).toEqual({ alert, fires: true });
      expect({ alert, quiet: expectations.some((e) => e.alert === alert && !e.fires) }).toEqual({ alert, quiet: true });
    }
  });

  test('each carry a severity, a summary, a description and a runbook in docs/operations.md', () => {
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining(['ServiceDown', 'HighErrorRate', 'SlowRoute', 'OutboxStalled', 'DeadLetteredMessages', 'DeadLetterRecent', 'ConsumerLagHigh', 'QueueWithoutConsumer', 'SchedulerBacklogGrowing', 'WebhookDeliveriesStuck']),
    );
    for (const rule of rules) {
      expect({ alert: rule.alert, severity: rule.severity, summary: rule.hasSummary, description: rule.hasDescription }).toEqual({
        alert: rule.alert,
        severity: expect.stringMatching(/^(critical|warning)$/),
        summary: true,
        description: true,
      });
      expect({ alert: rule.alert, runbook: rule.runbookUrl }).toEqual({ alert: rule.alert, runbook: expect.stringMatching(new RegExp(`^${RUNBOOK}#[a-z0-9_-]+$`)) });
    }
  });

  test("link runbook sections that exist: every runbook_url's anchor is a heading of docs/operations.md", () => {
    const anchors = markdownAnchors(readRepoFile(RUNBOOK));
    const missing = rules.filter((r) => !anchors.includes(r.runbookUrl!.split('#')[1]!)).map((r) => r.runbookUrl);
    expect(missing).toEqual([]);
  });
});

describe('the scrape configurations', () => {
  withPromtool.each(Object.values(CONFIGS))('%s passes promtool check config, with the rules it loads', (config) => {
    const check = promtool('check', 'config', config);
    expect(check.output).toContain('SUCCESS: 1 rule files found');
    expect(check.status).toBe(0);
  });

  test("npm start's scrapes every service on 127.0.0.1 at its default metrics port, labelled with its service", () => {
    const expected = Object.entries(METRICS_PORTS).map(([service, port]) => ({ job: service, target: `127.0.0.1:${port}`, service }));
    expect(scrapeJobs(readRepoFile(CONFIGS.npmStart))).toEqual(expect.arrayContaining(expected));
    expect(scrapeJobs(readRepoFile(CONFIGS.npmStart))).toHaveLength(expected.length);
  });

  test("compose's scrapes the same services by their compose names, on the same ports", () => {
    const expected = Object.entries(METRICS_PORTS).map(([service, port]) => ({ job: service, target: `${service}:${port}`, service }));
    expect(scrapeJobs(readRepoFile(CONFIGS.compose))).toEqual(expect.arrayContaining(expected));
    expect(scrapeJobs(readRepoFile(CONFIGS.compose))).toHaveLength(expected.length);
  });

  test('both load the one rules file beside them', () => {
    for (const config of Object.values(CONFIGS)) expect(readRepoFile(config)).toMatch(/^rule_files:\n {2}- alerts\.yml$/m);
  });
});

test("docs/operations.md's own links to its sections lead somewhere", () => {
  const runbook = readRepoFile(RUNBOOK);
  const anchors = markdownAnchors(runbook);
  const links = [...runbook.matchAll(/\]\(#([^)]+)\)/g)].map(([, anchor]) => anchor!);
  expect(links.length).toBeGreaterThan(0);
  expect(links.filter((anchor) => !anchors.includes(anchor))).toEqual([]);
});

describe('GitHub heading anchors', () => {
  test('are lower case, without punctuation, spaces made hyphens, repeats numbered', () => {
    expect(markdownAnchors('# Operating Azotte\n## `OutboxStalled`\n```sh\n# not a heading\n```\n### What to do\n### What to do\n## Backup & restore\n')).toEqual([
      'operating-azotte',
      'outboxstalled',
      'what-to-do',
      'what-to-do-1',
      'backup--restore',
    ]);
  });
});
