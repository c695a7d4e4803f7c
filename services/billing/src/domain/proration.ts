import { mulDivRound } from '@azotte/common';

export interface ProrationInput {
  periodStart: Date;
  periodEnd: Date;
  /** The moment of the change. */
  at: Date;
  /** What one full period costs on the old price and on the new one, minor units. */
  oldAmount: number;
  newAmount: number;
  /** False when the new price has another interval: a new period starts now, charged in full. */
  sameInterval: boolean;
}

export interface Proration {
  /** The credit for the unused time of the old price: zero or negative. */
  credit: number;
  /** The charge for the rest of the period at the new price (or a full new period). */
  charge: number;
  /** Seconds left of the period, and its length, as used. */
  remainingSeconds: number;
  periodSeconds: number;
}

/**
 * Prorates a change of price to the second. Each part is rounded once, half
 * away from zero, through `mulDivRound`.
 */
export function prorate(input: ProrationInput): Proration {
  const periodSeconds = Math.max(1, Math.floor((input.periodEnd.getTime() - input.periodStart.getTime()) / 1000));
  const remaining = Math.floor((input.periodEnd.getTime() - input.at.getTime()) / 1000);
  const remainingSeconds = Math.min(periodSeconds, Math.max(0, remaining));
  const credit = -mulDivRound(input.oldAmount, remainingSeconds, periodSeconds);
  const charge = input.sameInterval ? mulDivRound(input.newAmount, remainingSeconds, periodSeconds) : input.newAmount;
  return { credit: credit === 0 ? 0 : credit, charge, remainingSeconds, periodSeconds };
}
