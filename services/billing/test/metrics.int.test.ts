import { metricSample, promtoolCheck, scrapeMetrics } from '@azotte/common/testing';
import { SANDBOX_CARDS } from '../src/providers/sandbox';
import { runAllDue } from '../src/scheduler/run-due';
import { startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
let t: TestTenant;

beforeAll(async () => {
  h = await startHarness('billing_metrics');
  t = await h.newTenant();
});
afterAll(async () => h?.close());

const scrape = () => scrapeMetrics(h.service.metricsPort);
const sample = metricSample;
const renewals = (text: string, outcome: string) => sample(text, `azotte_billing_renewals_total{outcome="${outcome}"}`) ?? 0;
const DAY = 86_400_000;

describe('the billing scheduler on /metrics', () => {
  it('reports the subscriptions due, then what running them came to, by outcome', async () => {
    const ctx = t.adminInSandbox;
    const { customer: paying, price } = await h.shop(ctx, { trialDays: 7 });
    await h.card(ctx, paying.id);
    const { customer: declining } = await h.shop(ctx);
    await h.card(ctx, declining.id, SANDBOX_CARDS.attachesThenDeclines);
    for (const customerId of [paying.id, declining.id]) {
      await h.client.createSubscription({ customerId, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    }
    expect(sample(await scrape(), 'azotte_billing_scheduler_due_subscriptions')).toBe(0);

    // Past both trials' ends in the sandbox's own time: both are due, nothing has run.
    const scope = ctx.scope!;
    await h.service.deps.clocks.setOffset(h.service.deps.db, scope.tenantId, scope.environmentId, 8 * DAY);
    const before = await scrape();
    expect(sample(before, 'azotte_billing_scheduler_due_subscriptions')).toBe(2);

    await runAllDue(h.service.deps, { batchSize: 10 });
    const after = await scrape();
    expect(sample(after, 'azotte_billing_scheduler_due_subscriptions')).toBe(0);
    expect(renewals(after, 'succeeded') - renewals(before, 'succeeded')).toBe(1);
    expect(renewals(after, 'payment_failed') - renewals(before, 'payment_failed')).toBe(1);

    // Weeks later the declined one's dunning has run its retries, each counted.
    await h.service.deps.clocks.setOffset(h.service.deps.db, scope.tenantId, scope.environmentId, 30 * DAY);
    await runAllDue(h.service.deps, { batchSize: 10 });
    const later = await scrape();
    expect(renewals(later, 'retry_failed') + renewals(later, 'canceled')).toBeGreaterThan(0);
    expect(renewals(later, 'error')).toBe(0);
    const lint = promtoolCheck(later);
    if (lint) expect(lint).toEqual({ status: 0, output: '' });
  });
});
