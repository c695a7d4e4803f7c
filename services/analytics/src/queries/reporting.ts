import { minorUnitExponent } from '@azotte/common';
import type { Knex } from 'knex';
import { add, fromDecimal, mul, ratio, ZERO, type Ratio } from '../domain/exact';

/** The tenant's reporting currency and the reporting-currency value of one unit of others. */
export interface Reporting {
  currency: string;
  rates: Record<string, string>;
}

export async function reportingOf(db: Knex, tenantId: string): Promise<Reporting | undefined> {
  const row = await db('tenants').where({ tenant_id: tenantId }).first('reporting_currency', 'fx_rates');
  return row ? { currency: row.reporting_currency, rates: row.fx_rates ?? {} } : undefined;
}

/** Exact amounts (minor units) per currency. */
export type Amounts = Map<string, Ratio>;

export function addTo(amounts: Amounts, currency: string, value: Ratio | string | number): void {
  const v = typeof value === 'object' ? value : fromDecimal(value ?? 0);
  amounts.set(currency, add(amounts.get(currency) ?? ZERO, v));
}

/**
 * Converts amounts into the reporting currency, exactly (minor units of one
 * currency × rate × 10^(reporting exponent − its exponent)). Amounts in a
 * currency without a rate are returned apart, in their own currency.
 */
export function convert(reporting: Reporting | undefined, amounts: Amounts): { total: Ratio; unconverted: Amounts } {
  let total = ZERO;
  const unconverted: Amounts = new Map();
  for (const [currency, value] of amounts) {
    const rate = !reporting ? undefined : currency === reporting.currency ? '1' : reporting.rates[currency];
    if (!reporting || rate === undefined) {
      if (value.n !== 0n) addTo(unconverted, currency, value);
      continue;
    }
    const shift = minorUnitExponent(reporting.currency) - minorUnitExponent(currency);
    const scale = shift >= 0 ? ratio(10n ** BigInt(shift)) : ratio(1n, 10n ** BigInt(-shift));
    total = add(total, mul(mul(value, fromDecimal(rate)), scale));
  }
  return { total, unconverted };
}
