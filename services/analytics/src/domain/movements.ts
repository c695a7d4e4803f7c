import { abs, sign, sub, ZERO, type Ratio } from './exact';

export const MOVEMENT_KINDS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface Movement {
  kind: MovementKind;
  currency: string;
  /** The magnitude, ≥ 0. */
  amount: Ratio;
  /** The signed change of MRR. */
  delta: Ratio;
}

export interface RecurringAmount {
  mrr: Ratio;
  currency: string;
}

export interface CustomerBefore {
  /** The customer's subscriptions bringing MRR before this change. */
  contributing: number;
  /** Whether the customer ever brought MRR before. */
  everContributed: boolean;
}

/**
 * Classifies one subscription's change of MRR as ChartMogul does, at the
 * customer's level: a customer going from no MRR to some is `new` (or
 * `reactivation` if it had MRR before); from some to none is `churn`;
 * otherwise a rise is `expansion` and a fall `contraction`, so a cancellation
 * is churn only when the customer has no other subscription bringing MRR.
 * A change of currency is a contraction of the old and an expansion of the new.
 */
export function classify(customer: CustomerBefore, previous: RecurringAmount | undefined, next: RecurringAmount): { movements: Movement[]; contributing: number } {
  const before = previous ?? { mrr: ZERO, currency: next.currency };
  const wasContributing = sign(before.mrr) > 0;
  const isContributing = sign(next.mrr) > 0;
  const contributing = customer.contributing - Number(wasContributing) + Number(isContributing);
  const move = (kind: MovementKind, currency: string, delta: Ratio): Movement => ({ kind, currency, amount: abs(delta), delta });

  if (customer.contributing === 0 && contributing > 0) {
    return { movements: [move(customer.everContributed ? 'reactivation' : 'new', next.currency, next.mrr)], contributing };
  }
  if (customer.contributing > 0 && contributing === 0) {
    return { movements: [move('churn', before.currency, sub(ZERO, before.mrr))], contributing };
  }
  if (before.currency !== next.currency) {
    const movements: Movement[] = [];
    if (wasContributing) movements.push(move('contraction', before.currency, sub(ZERO, before.mrr)));
    if (isContributing) movements.push(move('expansion', next.currency, next.mrr));
    return { movements, contributing };
  }
  const delta = sub(next.mrr, before.mrr);
  const direction = sign(delta);
  if (direction === 0) return { movements: [], contributing };
  return { movements: [move(direction > 0 ? 'expansion' : 'contraction', next.currency, delta)], contributing };
}
