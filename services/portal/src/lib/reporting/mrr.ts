import type { Schema } from '../api';

export type MrrReport = Schema<'MrrReport'>;
export type MrrPoint = MrrReport['data'][number];

export const MOVEMENTS = ['new', 'expansion', 'reactivation', 'contraction', 'churn'] as const;
export type Movement = (typeof MOVEMENTS)[number];

/** Movements that take MRR away; the API gives them as magnitudes. */
export const LOSSES: ReadonlySet<Movement> = new Set(['contraction', 'churn']);

export type MovementTotals = Record<Movement, number> & { net: number };

/** Each movement summed over the report's buckets, and the net change they make. */
export function movementTotals(points: readonly MrrPoint[]): MovementTotals {
  const totals = { new: 0, expansion: 0, reactivation: 0, contraction: 0, churn: 0, net: 0 };
  for (const p of points) for (const m of MOVEMENTS) totals[m] += p[m];
  totals.net = totals.new + totals.expansion + totals.reactivation - totals.contraction - totals.churn;
  return totals;
}

/** The net change of one bucket. */
export const netOf = (p: MrrPoint) => p.new + p.expansion + p.reactivation - p.contraction - p.churn;
