import { createHash } from 'node:crypto';
import type { AttachResult, CardInput, ChargeRequest, ChargeResult, PaymentProviderAdapter, RefundRequest, RefundResult } from './adapter';
import { brandOf } from './card-checks';

/**
 * The sandbox cards of API.md. Like Stripe's test mode, a card that is
 * declined is declined when it is attached (402 with its code), and
 * `4000000000000341` attaches but every charge on it is declined. Any other
 * Luhn-valid number behaves like `4242424242424242` (a decision of ours:
 * API.md only says a number failing Luhn is a 400).
 */
export const SANDBOX_CARDS = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  attachesThenDeclines: '4000000000000341',
} as const;

const DECLINED_AT_ATTACH: Record<string, string> = {
  [SANDBOX_CARDS.declined]: 'card_declined',
  [SANDBOX_CARDS.insufficientFunds]: 'insufficient_funds',
};

// The token says how its charges end; the number itself is not in it.
const TOKEN_OK = 'tok_sandbox_ok_';
const TOKEN_DECLINES = 'tok_sandbox_declines_';

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

export class SandboxProvider implements PaymentProviderAdapter {
  readonly name = 'sandbox';

  async attachPaymentMethod(card: CardInput, idempotencyKey: string): Promise<AttachResult> {
    const declineCode = DECLINED_AT_ATTACH[card.number];
    if (declineCode) return { ok: false, declineCode };
    const prefix = card.number === SANDBOX_CARDS.attachesThenDeclines ? TOKEN_DECLINES : TOKEN_OK;
    return {
      ok: true,
      card: {
        token: `${prefix}${digest(idempotencyKey)}`,
        brand: brandOf(card.number),
        last4: card.number.slice(-4),
        expMonth: card.expMonth,
        expYear: card.expYear,
      },
    };
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    if (request.token.startsWith(TOKEN_DECLINES)) return { status: 'declined', failureCode: 'card_declined' };
    if (!request.token.startsWith(TOKEN_OK)) return { status: 'declined', failureCode: 'invalid_payment_method' };
    return { status: 'succeeded', chargeId: `ch_sandbox_${digest(request.idempotencyKey)}` };
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    return { status: 'succeeded', refundId: `rf_sandbox_${digest(request.idempotencyKey)}` };
  }
}
