import { spawnSync } from 'node:child_process';

/**
 * Runs `promtool check metrics` (Debian's `prometheus` package) over a scrape.
 * `undefined` when promtool is not installed, so a test can say it skipped the
 * lint; with TEST_REQUIRE_PROMTOOL=true (.ci/run sets it) a missing promtool is an error.
 */
export function promtoolCheck(text: string): { status: number | null; output: string } | undefined {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    if (process.env.TEST_REQUIRE_PROMTOOL === 'true') throw new Error('promtool is not installed (apt-get install prometheus) and TEST_REQUIRE_PROMTOOL=true');
    console.warn('promtool is not installed (apt-get install prometheus): the Prometheus lint of the metrics was skipped');
    return undefined;
  }
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
