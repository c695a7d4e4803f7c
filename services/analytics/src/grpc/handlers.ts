import { unary, type Logger } from '@azotte/common';
import type { analyticsV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { campaignReport } from '../queries/campaign-report';
import { churnReport } from '../queries/churn-report';
import { customerReport } from '../queries/customer-report';
import { mrrReport } from '../queries/mrr-report';
import { paymentReport } from '../queries/payment-report';
import { revenueReport } from '../queries/revenue-report';
import { customerSummary, paymentSummary, subscriptionSummary } from '../queries/summaries';

/** The gRPC transport: each method hands its request and call context to one query. */
export function analyticsHandlers(deps: Deps, logger: Logger): analyticsV1.AnalyticsServiceServer {
  return {
    getSubscriptionSummary: unary(logger, (req, ctx) => subscriptionSummary(deps, ctx, req)),
    getPaymentSummary: unary(logger, (req, ctx) => paymentSummary(deps, ctx, req)),
    getCustomerSummary: unary(logger, (req, ctx) => customerSummary(deps, ctx, req)),
    getMrrReport: unary(logger, (req, ctx) => mrrReport(deps, ctx, req)),
    getRevenueReport: unary(logger, (req, ctx) => revenueReport(deps, ctx, req)),
    getChurnReport: unary(logger, (req, ctx) => churnReport(deps, ctx, req)),
    getCustomerReport: unary(logger, (req, ctx) => customerReport(deps, ctx, req)),
    getPaymentReport: unary(logger, (req, ctx) => paymentReport(deps, ctx, req)),
    getCampaignReport: unary(logger, (req, ctx) => campaignReport(deps, ctx, req)),
  };
}
