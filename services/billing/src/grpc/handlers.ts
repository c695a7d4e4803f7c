import { unary, type Logger } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { attachPaymentMethod } from '../operations/attach-payment-method';
import { cancelSubscription } from '../operations/cancel-subscription';
import { changePrice } from '../operations/change-price';
import { completeCheckoutSession } from '../operations/complete-checkout-session';
import { createCheckoutSession } from '../operations/create-checkout-session';
import { createPortalSession } from '../operations/create-portal-session';
import { createRefund } from '../operations/create-refund';
import { createSubscription } from '../operations/create-subscription';
import { expireCheckoutSession } from '../operations/expire-checkout-session';
import { getEntitlements } from '../operations/get-entitlements';
import { listPaymentMethods } from '../operations/list-payment-methods';
import { payInvoice } from '../operations/pay-invoice';
import { previewChangePrice } from '../operations/preview-change-price';
import { getCheckoutSession } from '../operations/read-checkout-sessions';
import { getInvoice, listInvoices } from '../operations/read-invoices';
import { getPayment, listPayments } from '../operations/read-payments';
import { getRefund, listRefunds } from '../operations/read-refunds';
import { getSubscription, listSubscriptions } from '../operations/read-subscriptions';
import { resolveHostedSession } from '../operations/resolve-hosted-session';
import { resumeSubscription } from '../operations/resume-subscription';
import { setDefaultPaymentMethod } from '../operations/set-default-payment-method';
import { advanceTestClock, getTestClock } from '../operations/test-clock';

/**
 * The gRPC transport: each method hands its request and call context to one operation.
 * `schedulerBatch` is how many subscriptions a test-clock advance takes per transaction, as the scheduler does.
 */
export function billingHandlers(deps: Deps, logger: Logger, schedulerBatch?: number): billingV1.BillingServiceServer {
  return {
    attachPaymentMethod: unary(logger, (req, ctx) => attachPaymentMethod(deps, ctx, req)),
    listPaymentMethods: unary(logger, (req, ctx) => listPaymentMethods(deps, ctx, req)),
    setDefaultPaymentMethod: unary(logger, (req, ctx) => setDefaultPaymentMethod(deps, ctx, req)),
    createSubscription: unary(logger, (req, ctx) => createSubscription(deps, ctx, req)),
    listSubscriptions: unary(logger, (req, ctx) => listSubscriptions(deps, ctx, req)),
    getSubscription: unary(logger, (req, ctx) => getSubscription(deps, ctx, req)),
    cancelSubscription: unary(logger, (req, ctx) => cancelSubscription(deps, ctx, req)),
    changePrice: unary(logger, (req, ctx) => changePrice(deps, ctx, req)),
    previewChangePrice: unary(logger, (req, ctx) => previewChangePrice(deps, ctx, req)),
    listInvoices: unary(logger, (req, ctx) => listInvoices(deps, ctx, req)),
    getInvoice: unary(logger, (req, ctx) => getInvoice(deps, ctx, req)),
    payInvoice: unary(logger, (req, ctx) => payInvoice(deps, ctx, req)),
    listPayments: unary(logger, (req, ctx) => listPayments(deps, ctx, req)),
    getPayment: unary(logger, (req, ctx) => getPayment(deps, ctx, req)),
    createRefund: unary(logger, (req, ctx) => createRefund(deps, ctx, req)),
    listRefunds: unary(logger, (req, ctx) => listRefunds(deps, ctx, req)),
    getRefund: unary(logger, (req, ctx) => getRefund(deps, ctx, req)),
    getTestClock: unary(logger, (req, ctx) => getTestClock(deps, ctx, req)),
    advanceTestClock: unary(logger, (req, ctx) => advanceTestClock(deps, ctx, req, schedulerBatch)),
    getEntitlements: unary(logger, (req, ctx) => getEntitlements(deps, ctx, req)),
    resumeSubscription: unary(logger, (req, ctx) => resumeSubscription(deps, ctx, req)),
    createCheckoutSession: unary(logger, (req, ctx) => createCheckoutSession(deps, ctx, req)),
    getCheckoutSession: unary(logger, (req, ctx) => getCheckoutSession(deps, ctx, req)),
    expireCheckoutSession: unary(logger, (req, ctx) => expireCheckoutSession(deps, ctx, req)),
    completeCheckoutSession: unary(logger, (req, ctx) => completeCheckoutSession(deps, ctx, req)),
    createPortalSession: unary(logger, (req, ctx) => createPortalSession(deps, ctx, req)),
    resolveHostedSession: unary(logger, (req, ctx) => resolveHostedSession(deps, ctx, req)),
  };
}
