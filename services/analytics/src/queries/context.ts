import { scopeFor, EVERY_ROLE, type CallContext } from '@azotte/common';
import type { analyticsV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { resolvePeriod, type Period } from './period';
import { reportingOf, type Reporting } from './reporting';
import type { Scope } from './window';

/** What every report starts from: the caller's scope, its clock's now, the period asked and the tenant's currency. */
export interface ReportContext {
  scope: Scope;
  now: Date;
  period: Period;
  reporting: Reporting | undefined;
  header: analyticsV1.Header;
}

export async function reportContext(deps: Deps, ctx: CallContext, request: Partial<analyticsV1.PeriodRequest>): Promise<ReportContext> {
  // Every role may read figures (the gateway narrows operators to payment reports).
  const scope = scopeFor(ctx, EVERY_ROLE, { services: true });
  const [now, reporting] = await Promise.all([deps.clocks.now(scope), reportingOf(deps.db, scope.tenantId)]);
  const period = resolvePeriod({ from: request.from, to: request.to, interval: request.interval, groupBy: request.groupBy }, now);
  return {
    scope: { tenantId: scope.tenantId, environmentId: scope.environmentId },
    now,
    period,
    reporting,
    header: { asOf: now.toISOString(), currency: reporting?.currency ?? '', from: period.from.toISOString(), to: period.to.toISOString() },
  };
}
