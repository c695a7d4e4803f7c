import type { Knex } from 'knex';

/**
 * API.md's definitions recomputed from billing's own tables, written apart
 * from analytics (no import from its src): what analytics' answers must equal.
 * Amounts are exact fractions of minor units on big integers, rounded once.
 */

interface Fraction {
  n: bigint;
  d: bigint;
}

const fraction = (n: bigint, d = 1n): Fraction => ({ n, d });
const plus = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const times = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });

/** Rounded to a whole number, half away from zero. */
function rounded(a: Fraction): number {
  const negative = a.n < 0n;
  const m = negative ? -a.n : a.n;
  const q = (2n * m + a.d) / (2n * a.d);
  return Number(negative ? -q : q);
}

/** "0.92" → 92/100. */
function decimal(text: string): Fraction {
  const [whole, part = ''] = text.split('.');
  return fraction(BigInt(`${whole}${part}`), 10n ** BigInt(part.length));
}

/** How many months one period of each interval is (API.md: year ÷ 12, week × 52 ÷ 12, day × 365 ÷ 12). */
const MONTHS_IN: Record<string, Fraction> = {
  day: fraction(12n, 365n),
  week: fraction(12n, 52n),
  month: fraction(1n),
  year: fraction(12n),
};

export interface BillingSubscription {
  id: string;
  customer_id: string;
  status: string;
  amount: string;
  currency: string;
  interval: string;
  interval_count: number;
  discount: { type: string; percentOff?: string; amountOff?: number; remainingCycles?: number } | null;
  ended_at: Date | null;
  created_at: Date;
}

export interface BillingInvoice {
  id: string;
  subscription_id: string;
  status: string;
  billing_reason: string;
}

export interface BillingPayment {
  id: string;
  subscription_id: string;
  status: string;
  failure_code: string | null;
  amount: string;
  amount_refunded: string;
  currency: string;
  created_at: Date;
}

export interface BillingRefund {
  payment_id: string;
  status: string;
  amount: string;
  currency: string;
  created_at: Date;
}

export interface BillingFacts {
  subscriptions: BillingSubscription[];
  invoices: BillingInvoice[];
  payments: BillingPayment[];
  refunds: BillingRefund[];
}

/** Everything billing holds for one environment, read as the superuser. */
export async function readBilling(sql: Knex, schema: string, scope: { tenantId: string; environmentId: string }): Promise<BillingFacts> {
  const where = { tenant_id: scope.tenantId, environment_id: scope.environmentId };
  const [subscriptions, invoices, payments, refunds] = await Promise.all([
    sql(`${schema}.subscriptions`).where(where).orderBy(['created_at', 'id']),
    sql(`${schema}.invoices`).where(where).orderBy(['created_at', 'id']),
    sql(`${schema}.payments`).where(where).orderBy(['created_at', 'id']),
    sql(`${schema}.refunds`).where(where).orderBy(['created_at', 'id']),
  ]);
  return { subscriptions, invoices, payments, refunds };
}

/** The discount billing takes from one period's amount, rounded as an invoice rounds it (half away from zero). */
function periodDiscount(amount: bigint, discount: BillingSubscription['discount']): bigint {
  if (!discount || (discount.remainingCycles !== undefined && discount.remainingCycles !== null && discount.remainingCycles <= 0)) return 0n;
  if (discount.type === 'amount_off') return BigInt(Math.min(Number(amount), discount.amountOff ?? 0));
  if (discount.type !== 'percent_off') return 0n;
  const off = BigInt(rounded(times(fraction(amount), times(decimal(discount.percentOff ?? '0'), fraction(1n, 100n)))));
  return off > amount ? amount : off;
}

/** A subscription's MRR in minor units of its currency, exact: 0 unless active or past_due. */
export function subscriptionMrr(s: BillingSubscription): Fraction {
  if (s.status !== 'active' && s.status !== 'past_due') return fraction(0n);
  const amount = BigInt(s.amount);
  const perPeriod = amount - periodDiscount(amount, s.discount);
  const months = times(MONTHS_IN[s.interval]!, fraction(BigInt(s.interval_count || 1)));
  return times(fraction(perPeriod), fraction(months.d, months.n));
}

type ByCurrency = Map<string, Fraction>;

const addIn = (map: ByCurrency, currency: string, value: Fraction) => map.set(currency, plus(map.get(currency) ?? fraction(0n), value));

/** In the reporting currency (EUR, and the rated ones), rounded once; the rest apart, in their own currency. */
function report(amounts: ByCurrency, rates: Record<string, string>, reporting: string) {
  let total = fraction(0n);
  const unconverted: Array<{ amount: number; currency: string }> = [];
  for (const [currency, value] of [...amounts].sort(([a], [b]) => a.localeCompare(b))) {
    // Every currency of the tests has two decimals, like the reporting one.
    const rate = currency === reporting ? '1' : rates[currency];
    if (rate === undefined) {
      if (value.n !== 0n) unconverted.push({ amount: rounded(value), currency });
    } else {
      total = plus(total, times(value, decimal(rate)));
    }
  }
  return { exact: total, amount: rounded(total), unconverted };
}

const within = (at: Date, from: Date, to: Date) => at.getTime() >= from.getTime() && at.getTime() < to.getTime();

export interface Expected {
  mrr: number;
  /** MRR in the reporting currency, before rounding. */
  mrrExact: Fraction;
  mrrUnconverted: Array<{ amount: number; currency: string }>;
  active: number;
  trialing: number;
  activeCustomers: number;
  newCustomers: number;
  arpu: number | undefined;
  churned: number;
  attempts: number;
  successes: number;
  failuresByCode: Array<{ code: string; count: number }>;
  refunds: number;
  collected: number;
  refunded: number;
  unconvertedCollected: Array<{ amount: number; currency: string }>;
  unconvertedRefunded: Array<{ amount: number; currency: string }>;
  revenueNet: number;
  /** Revenue by month bucket and currency: `${at}|${currency}` → gross, refunds, net (only cells with money). */
  revenueCells: Record<string, { gross: number; refunds: number; net: number; currency: string }>;
}

/** The start of the revenue bucket `at` falls in: `from`, then every UTC month start. */
function monthBucket(at: Date, from: Date): string {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  return (start.getTime() <= from.getTime() ? from : start).toISOString();
}

/**
 * The figures of [from, to) and at `to`, by API.md's definitions, from
 * billing's current state (nothing in billing changes between the last step
 * and `to`: its scheduler only runs when the test clock moves).
 */
export function expectedFigures(facts: BillingFacts, period: { from: Date; to: Date }, rates: Record<string, string>, reporting = 'EUR'): Expected {
  const { from, to } = period;
  const live = facts.subscriptions.filter((s) => s.status === 'active' || s.status === 'past_due');
  const mrrByCurrency: ByCurrency = new Map();
  for (const s of live) addIn(mrrByCurrency, s.currency, subscriptionMrr(s));
  const mrr = report(mrrByCurrency, rates, reporting);
  const activeCustomers = new Set(live.map((s) => s.customer_id)).size;

  // "Paid": an invoice of the subscription was paid. Active or past_due at some time: paid, or renewed (a
  // renewal or a trial's end whose charge failed leaves it past_due).
  const paid = new Set(facts.invoices.filter((i) => i.status === 'paid').map((i) => i.subscription_id));
  const cycled = new Set(facts.invoices.filter((i) => i.billing_reason === 'subscription_cycle').map((i) => i.subscription_id));
  const contributedOnce = new Set(facts.subscriptions.filter((s) => paid.has(s.id) || cycled.has(s.id)).map((s) => s.customer_id));
  const churned = facts.subscriptions.filter((s) => s.status === 'canceled' && s.ended_at && within(new Date(s.ended_at), from, to) && paid.has(s.id));

  const payments = facts.payments.filter((p) => within(new Date(p.created_at), from, to));
  const succeeded = payments.filter((p) => p.status !== 'failed');
  const byCode = new Map<string, number>();
  for (const p of payments.filter((x) => x.status === 'failed')) byCode.set(p.failure_code ?? '', (byCode.get(p.failure_code ?? '') ?? 0) + 1);
  const refunds = facts.refunds.filter((r) => r.status === 'succeeded' && within(new Date(r.created_at), from, to));
  const collectedBy: ByCurrency = new Map();
  for (const p of succeeded) addIn(collectedBy, p.currency, fraction(BigInt(p.amount)));
  const refundedBy: ByCurrency = new Map();
  for (const r of refunds) addIn(refundedBy, r.currency, fraction(BigInt(r.amount)));
  const collected = report(collectedBy, rates, reporting);
  const refunded = report(refundedBy, rates, reporting);

  const cells = new Map<string, { gross: ByCurrency; refunds: ByCurrency }>();
  const cellOf = (at: Date, currency: string) => {
    const key = `${monthBucket(at, from)}|${currency}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { gross: new Map(), refunds: new Map() }));
    return c;
  };
  for (const p of succeeded) addIn(cellOf(new Date(p.created_at), p.currency).gross, p.currency, fraction(BigInt(p.amount)));
  for (const r of refunds) addIn(cellOf(new Date(r.created_at), r.currency).refunds, r.currency, fraction(BigInt(r.amount)));
  const revenueCells: Expected['revenueCells'] = {};
  for (const [key, c] of cells) {
    const currency = key.split('|')[1]!;
    const rated = currency === reporting || rates[currency] !== undefined;
    const g = rated ? report(c.gross, rates, reporting).amount : rounded(c.gross.get(currency) ?? fraction(0n));
    const r = rated ? report(c.refunds, rates, reporting).amount : rounded(c.refunds.get(currency) ?? fraction(0n));
    if (g !== 0 || r !== 0) revenueCells[key] = { gross: g, refunds: r, net: g - r, currency: rated ? reporting : currency };
  }

  return {
    mrr: mrr.amount,
    mrrExact: mrr.exact,
    mrrUnconverted: mrr.unconverted,
    active: live.length,
    trialing: facts.subscriptions.filter((s) => s.status === 'trialing').length,
    activeCustomers,
    newCustomers: contributedOnce.size,
    arpu: activeCustomers > 0 ? rounded(times(mrr.exact, fraction(1n, BigInt(activeCustomers)))) : undefined,
    churned: churned.length,
    attempts: payments.length,
    successes: succeeded.length,
    failuresByCode: [...byCode].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code)),
    refunds: refunds.length,
    collected: collected.amount,
    refunded: refunded.amount,
    unconvertedCollected: collected.unconverted,
    unconvertedRefunded: refunded.unconverted,
    revenueNet: collected.amount - refunded.amount,
    revenueCells,
  };
}

/** LTV = ARPU ÷ churn rate = MRR ÷ active customers × active at the start ÷ churned, rounded once; undefined when either is undefined or 0. */
export function lifetimeValue(e: Expected, activeAtStart: number, churned: number): number | undefined {
  if (e.activeCustomers === 0 || churned === 0 || activeAtStart === 0) return undefined;
  return rounded(times(e.mrrExact, fraction(BigInt(activeAtStart), BigInt(e.activeCustomers) * BigInt(churned))));
}

/** A campaign's revenue (API.md): succeeded payments − refunds of the subscriptions carrying its offer, all time, rounded once. */
export function campaignRevenue(facts: BillingFacts, campaignId: string, rates: Record<string, string>, reporting = 'EUR') {
  const carrying = new Set(facts.subscriptions.filter((s) => s.discount && (s.discount as { campaignId?: string }).campaignId === campaignId).map((s) => s.id));
  const payments = facts.payments.filter((p) => carrying.has(p.subscription_id) && p.status !== 'failed');
  const theirs = new Set(payments.map((p) => p.id));
  const amounts: ByCurrency = new Map();
  for (const p of payments) addIn(amounts, p.currency, fraction(BigInt(p.amount)));
  for (const r of facts.refunds.filter((x) => x.status === 'succeeded' && theirs.has(x.payment_id))) addIn(amounts, r.currency, fraction(-BigInt(r.amount)));
  const { amount, unconverted } = report(amounts, rates, reporting);
  return { amount, unconverted };
}

/** A subscription event as billing wrote it to its outbox: the snapshot after the change. */
export interface SubscriptionEventRow {
  id: string;
  payload: {
    subscription: {
      id: string;
      customerId: string;
      status: string;
      amount: number;
      currency: string;
      interval: string;
      intervalCount: number;
      discount?: BillingSubscription['discount'];
      occurredAt: string;
    };
  };
}

/** Billing's subscription events of the environment (its outbox keeps what it sent), in business order: time, then id. */
export async function readSubscriptionEvents(sql: Knex, schema: string, scope: { tenantId: string; environmentId: string }): Promise<SubscriptionEventRow[]> {
  const rows: SubscriptionEventRow[] = await sql(`${schema}.outbox`)
    .where({ tenant_id: scope.tenantId, environment_id: scope.environmentId })
    .where('routing_key', 'like', 'billing.subscription.%')
    .select('id', 'payload');
  const at = (r: SubscriptionEventRow) => Date.parse(r.payload.subscription.occurredAt);
  return rows.sort((a, b) => at(a) - at(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const KINDS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;
type Kind = (typeof KINDS)[number];

/**
 * The MRR series of [from, to) by UTC day or month, from billing's snapshots:
 * each change of a subscription's MRR classified at the customer's level
 * (ChartMogul): from no MRR to some is new (reactivation if the customer had
 * MRR before), from some to none is churn, otherwise a rise is expansion and a
 * fall contraction; a change of currency contracts the old and expands the
 * new. Each point's MRR (at the bucket's end) and movements are converted and
 * rounded once.
 */
export function mrrSeries(events: SubscriptionEventRow[], period: { from: Date; to: Date; interval: 'day' | 'month' }, rates: Record<string, string>, reporting = 'EUR') {
  const { from, to } = period;
  const next = (at: Date) =>
    period.interval === 'day'
      ? new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1))
      : new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  const ends: Date[] = [];
  for (let boundary = next(from); boundary < to; boundary = next(boundary)) ends.push(boundary);
  ends.push(to);
  const buckets = ends.map(() => Object.fromEntries(KINDS.map((k) => [k, new Map() as ByCurrency])) as Record<Kind, ByCurrency>);
  const customers = new Map<string, { subs: Map<string, { mrr: Fraction; currency: string }>; ever: boolean }>();
  const runningAt: ByCurrency[] = ends.map(() => new Map());
  const positive = (f: Fraction) => f.n > 0n;
  const neg = (f: Fraction): Fraction => ({ n: -f.n, d: f.d });

  for (const { payload } of events) {
    const s = payload.subscription;
    const at = new Date(s.occurredAt);
    if (at >= to) continue;
    const c = customers.get(s.customerId) ?? { subs: new Map(), ever: false };
    customers.set(s.customerId, c);
    const before = c.subs.get(s.id) ?? { mrr: fraction(0n), currency: s.currency };
    const after = {
      mrr: subscriptionMrr({ status: s.status, amount: String(s.amount), interval: s.interval, interval_count: s.intervalCount, discount: s.discount ?? null } as BillingSubscription),
      currency: s.currency,
    };
    const contributingBefore = [...c.subs.values()].filter((x) => positive(x.mrr)).length;
    c.subs.set(s.id, after);
    const contributingAfter = [...c.subs.values()].filter((x) => positive(x.mrr)).length;
    const moves: Array<[Kind, string, Fraction]> = [];
    if (contributingBefore === 0 && contributingAfter > 0) moves.push([c.ever ? 'reactivation' : 'new', after.currency, after.mrr]);
    else if (contributingBefore > 0 && contributingAfter === 0) moves.push(['churn', before.currency, neg(before.mrr)]);
    else if (before.currency !== after.currency) {
      if (positive(before.mrr)) moves.push(['contraction', before.currency, neg(before.mrr)]);
      if (positive(after.mrr)) moves.push(['expansion', after.currency, after.mrr]);
    } else {
      const delta = plus(after.mrr, neg(before.mrr));
      if (delta.n !== 0n) moves.push([delta.n > 0n ? 'expansion' : 'contraction', after.currency, delta]);
    }
    if (contributingAfter > 0) c.ever = true;
    const index = at < from ? -1 : ends.findIndex((end) => at < end);
    if (index >= 0) for (const [kind, currency, delta] of moves) addIn(buckets[index]![kind], currency, delta.n < 0n ? neg(delta) : delta);
    // The running MRR at each bucket's end: every movement before it.
    for (let i = Math.max(index, 0); i < ends.length; i++) for (const [, currency, delta] of moves) addIn(runningAt[i]!, currency, delta);
  }
  return ends.map((end, i) => ({
    at: end.toISOString(),
    mrr: report(runningAt[i]!, rates, reporting).amount,
    ...(Object.fromEntries(KINDS.map((k) => [k, report(buckets[i]![k], rates, reporting).amount])) as Record<Kind, number>),
  }));
}
