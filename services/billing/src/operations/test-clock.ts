import { enqueueEvent, invalidArgument, notFound, TEST_CLOCK_ADVANCED, type CallContext, type Scope, type TestClockAdvanced } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { scopeFor, TEST_CLOCK_USERS } from '../domain/access';
import type { Deps } from '../domain/deps';
import { runAllDue } from '../scheduler/run-due';

function sandboxScope(ctx: CallContext): Scope {
  const scope = scopeFor(ctx, TEST_CLOCK_USERS);
  // Production runs on real time: there is no test clock to see.
  if (scope.environmentKind !== 'sandbox') throw notFound('test_clock');
  return scope;
}

export async function getTestClock(deps: Deps, ctx: CallContext, _req: billingV1.GetTestClockRequest): Promise<billingV1.TestClock> {
  const scope = sandboxScope(ctx);
  return { now: (await deps.clocks.now(scope)).toISOString() };
}

/**
 * Moves a sandbox environment's clock forward to `to` and runs every renewal,
 * trial end, retry and expiry due up to it before answering. The new offset
 * and its event are written in one transaction; other services keep their
 * copy of the offset from the event.
 */
export async function advanceTestClock(
  deps: Deps,
  ctx: CallContext,
  req: billingV1.AdvanceTestClockRequest,
  batchSize = 500,
): Promise<billingV1.AdvanceTestClockResponse> {
  const scope = sandboxScope(ctx);
  const to = req.to ? new Date(req.to) : undefined;
  if (!to || Number.isNaN(to.getTime())) throw invalidArgument([{ path: 'to', message: 'must be an ISO 8601 timestamp' }]);
  await deps.db.transaction(async (trx) => {
    // Advances of one environment go one at a time, so that "later than now" holds for each.
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`clock:${scope.environmentId}`]);
    const now = await deps.clocks.now(scope, trx);
    if (to.getTime() <= now.getTime()) {
      throw invalidArgument([{ path: 'to', message: `must be later than the environment's now (${now.toISOString()})` }]);
    }
    const offsetMs = to.getTime() - deps.realClock.now().getTime();
    await deps.clocks.setOffset(trx, scope.tenantId, scope.environmentId, offsetMs);
    const payload: TestClockAdvanced = { environmentId: scope.environmentId, offsetMs, now: to.toISOString() };
    await enqueueEvent(trx, { type: TEST_CLOCK_ADVANCED, payload, scope });
  });
  const processed = await runAllDue(deps, { scope, until: to, batchSize });
  return { now: (await deps.clocks.now(scope)).toISOString(), processed };
}
