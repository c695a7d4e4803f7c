import type { Schema } from '../../../lib/api';
import { useInvoice, usePayment } from '../api/queries';

/** A subscription whose latest charge may have been declined. */
export const mayBeDeclined = (status: string) => status === 'incomplete' || status === 'past_due' || status === 'incomplete_expired';

/**
 * Why the subscription's latest charge was declined: the failureCode of the
 * latest payment of its latest invoice (payment ids sort by time). Nothing is
 * asked unless the status says a charge failed.
 */
export function useDeclineCode(subscription: Pick<Schema<'Subscription'>, 'status' | 'latestInvoiceId'>) {
  const wanted = mayBeDeclined(subscription.status);
  const invoice = useInvoice(wanted ? subscription.latestInvoiceId : undefined);
  const latestPaymentId = invoice.data?.status === 'open' ? [...invoice.data.paymentIds].sort().at(-1) : undefined;
  const payment = usePayment(latestPaymentId);
  const code = payment.data?.status === 'failed' ? (payment.data.failureCode ?? null) : undefined;
  return {
    /** The decline code; null when the payment failed without one; undefined when none failed (or still loading). */
    code,
    pending: wanted && (invoice.isPending || (latestPaymentId !== undefined && payment.isPending)),
    invoiceId: invoice.data?.status === 'open' ? invoice.data.id : undefined,
  };
}
