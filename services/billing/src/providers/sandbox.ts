import { conflict } from '@azotte/common';
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
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

/** How a charge on the token ends. */
function outcomeOf(request: ChargeRequest): ChargeResult {
  if (request.token.startsWith(TOKEN_DECLINES)) return { status: 'declined', failureCode: 'card_declined' };
  if (!request.token.startsWith(TOKEN_OK)) return { status: 'declined', failureCode: 'invalid_payment_method' };
  return { status: 'succeeded', chargeId: `ch_sandbox_${digest(request.idempotencyKey)}` };
}

/**
 * With a database (billing's own schema), charges are kept in
 * `sandbox_charges` by idempotency key, as a real provider keeps them: a
 * repeated key returns the first result and charges nothing more, across
 * restarts and replicas. Without one (unit tests) charges are not recorded.
 */
export class SandboxProvider implements PaymentProviderAdapter {
  readonly name = 'sandbox';

  constructor(private readonly db?: Knex) {}

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
    const result = outcomeOf(request);
    if (!this.db) return result;
    // Its own statement, outside the caller's transaction: the provider's side survives the caller's rollback.
    // A concurrent insert of the same key waits for the first, then finds its row.
    const inserted = await this.db('sandbox_charges')
      .insert({ idempotency_key: request.idempotencyKey, token: request.token, amount: request.amount, currency: request.currency, result: JSON.stringify(result) })
      .onConflict('idempotency_key')
      .ignore()
      .returning('idempotency_key');
    if (inserted.length > 0) return result;
    const first = (await this.db('sandbox_charges').where({ idempotency_key: request.idempotencyKey }).first('token', 'amount', 'currency', 'result')) as {
      token: string;
      amount: number | string;
      currency: string;
      result: ChargeResult;
    };
    // As Stripe: a key names one charge; the same key for another amount, currency or card is a
    // caller's bug, refused rather than answered with a result that belongs to something else.
    if (Number(first.amount) !== request.amount || first.currency !== request.currency || first.token !== request.token) {
      throw conflict(
        'idempotency_key_reused',
        `Idempotency key ${request.idempotencyKey} was first used for ${first.amount} ${first.currency} on another request; it cannot charge ${request.amount} ${request.currency}${first.token !== request.token ? ' on another card' : ''}.`,
      );
    }
    return first.result;
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    return { status: 'succeeded', refundId: `rf_sandbox_${digest(request.idempotencyKey)}` };
  }
}
