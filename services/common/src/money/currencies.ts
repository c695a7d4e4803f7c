/**
 * ISO 4217 currencies in circulation and their minor-unit exponents.
 * Funds codes, precious metals and testing codes (XAU, XDR, XTS, XXX …) are
 * left out on purpose: nobody sells a subscription in them.
 */
const EXPONENT_0 = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const EXPONENT_3 = 'BHD IQD JOD KWD LYD OMR TND';
const EXPONENT_4 = 'CLF UYW';
const EXPONENT_2 =
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR ' +
  'LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD ' +
  'PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC ' +
  'SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';

const table = new Map<string, number>();
for (const [codes, exponent] of [
  [EXPONENT_0, 0],
  [EXPONENT_2, 2],
  [EXPONENT_3, 3],
  [EXPONENT_4, 4],
] as const) {
  for (const code of codes.split(' ')) table.set(code, exponent);
}

/** True for an upper-case ISO 4217 code in circulation. */
export function isCurrency(code: string): boolean {
  return table.has(code);
}

/** Digits after the decimal point in the currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorUnitExponent(code: string): number {
  const exponent = table.get(code);
  if (exponent === undefined) throw new RangeError(`Unknown currency ${code}`);
  return exponent;
}

export const CURRENCIES: readonly string[] = [...table.keys()].sort();
