import { testServers } from '@azotte/common/testing';
import { runChaos } from '@azotte/common/testing/chaos';

// The short form of `npm run chaos` (infra/chaos/run.mjs): the built services as processes (run
// `npm run build` first), RabbitMQ and Postgres cut at the run's own TCP proxies, billing and
// analytics SIGKILLed. Never a real restart of the servers here, whatever CHAOS_RESTART_SERVERS says:
// the other test files run in parallel against the same Postgres and RabbitMQ.
const CUSTOMERS = Number(process.env.TEST_CHAOS_CUSTOMERS ?? 40);
const chaosTest = CUSTOMERS > 0 ? test : test.skip;

chaosTest(
  `${CUSTOMERS} customers through a broker outage, billing and analytics killed mid-run and a Postgres outage: every figure holds`,
  async () => {
    const report = await runChaos({ ...testServers(), customers: CUSTOMERS, restartServers: false });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.faults['renewals committed when billing was SIGKILLed']).toBeGreaterThan(0);
    expect(report.faults['renewals committed when billing was SIGKILLed']).toBeLessThan(CUSTOMERS);
  },
  180_000,
);
