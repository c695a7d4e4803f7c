/**
 * The one place charge idempotency keys are made. A key names what a charge
 * is FOR, never an id generated inside the transaction that records it: if
 * that transaction rolls back after the provider charged (a crash, a failed
 * write), the next run asks for the same thing with the same key and the
 * provider returns the first result instead of charging again.
 */
export type ChargePurpose =
  /** A renewal or a trial's conversion: the period's new invoice, first attempt. */
  | { kind: 'renewal'; subscriptionId: string; periodStart: Date }
  /** The first invoice of a new subscription. */
  | { kind: 'first'; subscriptionId: string }
  /** A proration invoice of a price or quantity change. */
  | { kind: 'change'; subscriptionId: string; at: Date }
  /**
   * Another attempt on an invoice already committed (a dunning retry, or
   * POST /invoices/{id}/pay): its id is stable, and both paths share the key
   * of an attempt, so they never charge the same attempt twice between them.
   */
  | { kind: 'invoice'; invoiceId: string };

export function chargeKey(purpose: ChargePurpose, attempt: number): string {
  switch (purpose.kind) {
    case 'renewal':
      return `renewal:${purpose.subscriptionId}:${new Date(purpose.periodStart).toISOString()}:${attempt}`;
    case 'first':
      return `first:${purpose.subscriptionId}:${attempt}`;
    case 'change':
      return `change:${purpose.subscriptionId}:${new Date(purpose.at).toISOString()}:${attempt}`;
    case 'invoice':
      return `${purpose.invoiceId}:${attempt}`;
  }
}
