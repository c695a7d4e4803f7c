import { conflict, DomainError, unprocessable } from '@azotte/common';

/** The stable error codes of the service that are not a plain not-found or invalid request. */

export const invalidTransition = (from: string, action: string) =>
  conflict('invalid_transition', `A ${from} campaign cannot be ${action}.`);

export const campaignEnded = () => conflict('campaign_ended', 'The campaign has ended: it can no longer be changed.');

export const variantsLocked = () =>
  conflict(
    'variants_locked',
    'Variants can only change while the campaign is a draft: customers already assigned to a variant keep it.',
  );

/** A code already used by a campaign of the environment; `fields` names each one. */
export const codeTaken = (fields: Array<{ path: string; message: string }>, codes: string[]) =>
  new DomainError('conflict', 'code_taken', `Coupon code already in use in this environment: ${codes.join(', ')}.`, fields);

/** As the gateway's Idempotency-Key (API.md): the same key for another request is a 422. */
export const idempotencyKeyReused = () =>
  unprocessable(
    'idempotency_key_reused',
    'This idempotency key already reserved a redemption for another campaign, customer or subscription.',
  );

/** Why an offer does not apply: the reasons of Evaluate's rejections and of Redeem's refusals. */
export const REASONS = ['expired', 'exhausted', 'not_targeted', 'unknown_code', 'not_active'] as const;
export type Reason = (typeof REASONS)[number];

export const refused = (reason: Reason, message: string) => unprocessable(reason, message);
