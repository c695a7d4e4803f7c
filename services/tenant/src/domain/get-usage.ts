import type { CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { readCounters, readGauges } from '../store/usage';
import { PROFILE_READERS, tenantFor } from './access';
import type { Deps } from './deps';
import { monthOf } from './usage-rules';
import { usageMonthSchema, validate } from './validation';

/** The tenant's usage in a month (the current one, UTC, when none is named), all environments together. */
export async function getUsage(deps: Deps, ctx: CallContext, request: tenantV1.GetUsageRequest): Promise<tenantV1.Usage> {
  const tenantId = tenantFor(ctx, PROFILE_READERS);
  const month = request.month ? validate(usageMonthSchema, request).month : monthOf(deps.clock.now());
  const [counters, gauges] = await Promise.all([
    readCounters(deps.db, tenantId, month),
    readGauges(deps.db, tenantId, month),
  ]);
  return {
    tenantId,
    month,
    apiCalls: counters.apiCalls,
    events: counters.events,
    activeSubscriptions: gauges.activeSubscriptions,
    customers: gauges.customers,
  };
}
