import type { Deps } from '../domain/deps';
import { runAllDue } from './run-due';

/**
 * The billing scheduler of one replica: every `intervalMs` it runs whatever is
 * due in any environment. Replicas share the work through SKIP LOCKED.
 */
export function startScheduler(deps: Deps, options: { intervalMs: number; batchSize: number }): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = runAllDue(deps, { batchSize: options.batchSize })
      .catch((err: unknown) => deps.logger.error({ err }, 'billing scheduler run failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
      });
  };
  if (options.intervalMs > 0) timer = setTimeout(tick, options.intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
