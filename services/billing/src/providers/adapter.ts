/**
 * The one interface every payment provider adapter implements. A Stripe or
 * Adyen adapter is a new file beside `sandbox.ts` and a line in the registry;
 * nothing else changes. Card numbers reach only `attachPaymentMethod` and go
 * no further than the provider: adapters return tokens, never numbers.
 */
export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export interface AttachedCard {
  token: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export type AttachResult = { ok: true; card: AttachedCard } | { ok: false; declineCode: string };

export interface ChargeRequest {
  token: string;
  amount: number;
  currency: string;
  /** The same key never charges twice: the first result is returned again (made by `chargeKey`, from what the charge is for). */
  idempotencyKey: string;
}

export type ChargeResult = { status: 'succeeded'; chargeId: string } | { status: 'declined'; failureCode: string };

export interface RefundRequest {
  chargeId: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
}

export type RefundResult = { status: 'succeeded'; refundId: string } | { status: 'failed'; failureCode: string };

export interface PaymentProviderAdapter {
  /** The provider's name as the tenant service lists it (`sandbox`, `stripe`). */
  readonly name: string;
  attachPaymentMethod(card: CardInput, idempotencyKey: string): Promise<AttachResult>;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
}
