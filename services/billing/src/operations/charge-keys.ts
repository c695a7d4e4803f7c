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
  /**
   * The first invoice of a new subscription. With the caller's Idempotency-Key
   * (`request`: tenant, environment and key), the key names it: a create that
   * crashed after the provider charged and is sent again makes a subscription
   * of another id, and must not be charged again.
   */
  | { kind: 'first'; subscriptionId: string; request?: string }
  /** A proration invoice of a price or quantity change; with the caller's key, named by it (as above). */
  | { kind: 'change'; subscriptionId: string; at: Date; request?: string }
  /**
   * Another attempt on an invoice already committed (a dunning retry, or
   * POST /invoices/{id}/pay): its id is stable, and both paths share the key
   * of an attempt, so they never charge the same attempt twice between them.
   */
  | { kind: 'invoice'; invoiceId: string };

/** The caller's Idempotency-Key as a charge key's part: unique across tenants and environments. */
export const requestPart = (scope: { tenantId: string; environmentId: string }, key: string): string | undefined =>
  key ? `${scope.tenantId}/${scope.environmentId}/${key}` : undefined;

export function chargeKey(purpose: ChargePurpose, attempt: number): string {
  switch (purpose.kind) {
    case 'renewal':
      return `renewal:${purpose.subscriptionId}:${new Date(purpose.periodStart).toISOString()}:${attempt}`;
    case 'first':
      return purpose.request ? `first:request:${purpose.request}:${attempt}` : `first:${purpose.subscriptionId}:${attempt}`;
    case 'change':
      return purpose.request
        ? `change:${purpose.subscriptionId}:request:${purpose.request}:${attempt}`
        : `change:${purpose.subscriptionId}:${new Date(purpose.at).toISOString()}:${attempt}`;
    case 'invoice':
      return `${purpose.invoiceId}:${attempt}`;
  }
}
