import type { Api } from '../http/api';
import { AdvanceTestClockBody, AdvanceTestClockResponse, CustomerIdParams, EntitlementList, TestClockSchema } from './billing-schemas';

/** The test clock of sandbox environments, and a customer's entitlements. */
export function billingClockRoutes(api: Api): void {
  const billing = api.clients.billing;

  api.add({
    method: 'get',
    path: '/test-clock',
    summary: "The sandbox environment's time (404 in production)",
    tag: 'Billing',
    auth: { area: 'testClock', access: 'read' },
    response: TestClockSchema,
    errors: [404],
    async handler() {
      return { now: (await billing.getTestClock({})).now! };
    },
  });

  api.add({
    method: 'post',
    path: '/test-clock/advance',
    summary: 'Move the sandbox clock forward and run every renewal, trial end, retry and expiry due up to it',
    tag: 'Billing',
    auth: { area: 'testClock', access: 'write' },
    body: AdvanceTestClockBody,
    response: AdvanceTestClockResponse,
    status: 200,
    errors: [404],
    async handler({ body }) {
      const res = await billing.advanceTestClock({ to: new Date(body.to).toISOString() }, { deadlineMs: 120_000 });
      return { now: res.now!, processed: res.processed ?? { renewals: 0, trialConversions: 0, retries: 0, cancellations: 0 } };
    },
  });

  api.add({
    method: 'get',
    path: '/customers/{id}/entitlements',
    summary: "What the customer's trialing, active and past_due subscriptions grant",
    tag: 'Billing',
    auth: { area: 'customers', access: 'read' },
    params: CustomerIdParams,
    response: EntitlementList,
    errors: [404],
    async handler({ params }) {
      const res = await billing.getEntitlements({ customerId: params.id });
      return {
        data: res.data.map((e) => ({ key: e.key, value: e.value as boolean | number | string, bundleId: e.bundleId, subscriptionId: e.subscriptionId })),
      };
    },
  });
}
