/**
 * Exact rational arithmetic on big integers, so that MRR (a price divided by
 * 12 or multiplied by 52/12), currency conversion and averages are rounded
 * once, on the total, as API.md asks, never through a float.
 */
export interface Ratio {
  n: bigint;
  /** Always > 0. */
  d: bigint;
}

export const ZERO: Ratio = { n: 0n, d: 1n };

export const ratio = (n: bigint | number, d: bigint | number = 1n): Ratio => {
  const den = BigInt(d);
  if (den === 0n) throw new RangeError('Division by zero');
  return den < 0n ? { n: -BigInt(n), d: -den } : { n: BigInt(n), d: den };
};

/** A decimal string as Postgres or a rate gives it ("-12.5", "0.920000"). */
export function fromDecimal(text: string | number): Ratio {
  const match = /^([+-])?(\d*)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!match) throw new RangeError(`Not a decimal number: ${text}`);
  const [, sign, whole = '', fraction = ''] = match;
  const n = BigInt(`${whole || '0'}${fraction}`) * (sign === '-' ? -1n : 1n);
  return { n, d: 10n ** BigInt(fraction.length) };
}

export const add = (a: Ratio, b: Ratio): Ratio => (a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const sub = (a: Ratio, b: Ratio): Ratio => add(a, { n: -b.n, d: b.d });
export const mul = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.n, d: a.d * b.d });
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);
export const sign = (a: Ratio): -1 | 0 | 1 => (a.n === 0n ? 0 : a.n > 0n ? 1 : -1);
export const compare = (a: Ratio, b: Ratio): -1 | 0 | 1 => sign(sub(a, b));
export const abs = (a: Ratio): Ratio => (a.n < 0n ? { n: -a.n, d: a.d } : a);

/** round(a), half away from zero. */
export function round(a: Ratio): bigint {
  const m = a.n < 0n ? -a.n : a.n;
  const q = (m * 2n + a.d) / (a.d * 2n);
  return a.n < 0n ? -q : q;
}

/** `a` as a decimal string with `places` digits, rounded half away from zero at the last. */
export function toDecimal(a: Ratio, places = 18): string {
  const scaled = round(mul(a, { n: 10n ** BigInt(places), d: 1n }));
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative ? `-${text}` : text;
}

/**
 * A sum of values stored at 18 places, rounded to a whole minor unit: first
 * to 9 places (which removes the storage's sub-1e-18 rounding of thirds and
 * twelfths), then once, half away from zero.
 */
export const toMinorUnits = (a: Ratio): number => Number(round(fromDecimal(toDecimal(a, 9))));
