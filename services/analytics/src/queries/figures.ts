import type { Knex } from 'knex';
import { toMinorUnits, type Ratio } from '../domain/exact';
import { addTo, convert, type Amounts, type Reporting } from './reporting';
import { MRR, PAYMENTS, REFUNDS, SUBSCRIPTIONS } from './rollups';
import { sums, type Scope } from './window';

const int = (v: string | null | undefined) => Number(v ?? 0);

/** MRR per currency at `at` (exact): every movement before it. */
export async function mrrAt(db: Knex, scope: Scope, at: Date): Promise<Amounts> {
  const amounts: Amounts = new Map();
  for (const row of await sums(db, MRR, scope, undefined, at)) addTo(amounts, row.currency!, row.net ?? '0');
  return amounts;
}

/** Active (active + past_due) and trialing subscriptions, and customers with an active one, at `at`. */
export async function countsAt(db: Knex, scope: Scope, at: Date) {
  const counts = { active: 0, trialing: 0, customers: 0 };
  for (const row of await sums(db, SUBSCRIPTIONS, scope, undefined, at)) {
    counts.active += int(row.active_delta);
    counts.trialing += int(row.trialing_delta);
    counts.customers += int(row.customers_delta);
  }
  return counts;
}

/** Subscriptions canceled after having been paid in [from, to). */
export async function churnedBetween(db: Knex, scope: Scope, from: Date, to: Date): Promise<number> {
  let churned = 0;
  for (const row of await sums(db, SUBSCRIPTIONS, scope, from, to)) churned += int(row.churned);
  return churned;
}

/** Churn rate (API.md): churned in [from, to) ÷ active at `from`; undefined when none was active. */
export async function churnOf(db: Knex, scope: Scope, from: Date, to: Date) {
  const [start, churned] = await Promise.all([countsAt(db, scope, from), churnedBetween(db, scope, from, to)]);
  return { activeAtStart: start.active, churned, churnRate: start.active > 0 ? churned / start.active : undefined };
}

/** Succeeded payments and succeeded refunds in [from, to), per currency. */
export async function revenueBetween(db: Knex, scope: Scope, from: Date, to: Date) {
  const [payments, refunds] = await Promise.all([sums(db, PAYMENTS, scope, from, to), sums(db, REFUNDS, scope, from, to)]);
  const collected: Amounts = new Map();
  const refunded: Amounts = new Map();
  let attempts = 0;
  let successes = 0;
  let refundCount = 0;
  for (const row of payments) {
    addTo(collected, row.currency!, row.collected ?? '0');
    attempts += int(row.attempts);
    successes += int(row.successes);
  }
  for (const row of refunds) {
    addTo(refunded, row.currency!, row.amount ?? '0');
    refundCount += int(row.count);
  }
  return { collected, refunded, attempts, successes, refundCount };
}

/** Amounts in the reporting currency (rounded once) and, apart, those that could not be converted. */
export function inReporting(reporting: Reporting | undefined, amounts: Amounts) {
  const { total, unconverted } = convert(reporting, amounts);
  return {
    money: { amount: toMinorUnits(total), currency: reporting?.currency ?? '' },
    unconverted: [...unconverted].map(([currency, value]) => ({ amount: toMinorUnits(value), currency })),
  };
}

export const minus = (a: Amounts, b: Amounts): Amounts => {
  const out: Amounts = new Map(a);
  for (const [currency, value] of b) addTo(out, currency, { n: -value.n, d: value.d } as Ratio);
  return out;
};

