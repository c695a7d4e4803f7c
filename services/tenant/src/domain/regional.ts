// Checks of regional settings, answered by the runtime's own ICU data rather than a copied list.

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

// Codes ICU knows but ISO 3166-1 does not assign to a country: user-assigned ones (AA, QM–QZ,
// XA–XZ, ZZ) and exceptionally reserved ones such as EU or UK (the United Kingdom is GB).
// XK stays: Kosovo's user-assigned code is what payment networks use for it.
const NOT_A_COUNTRY = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|AC|CP|CQ|DG|EA|EU|EZ|FX|IC|SU|TA|UK|UN)$/;

/** True for an upper-case ISO 3166-1 alpha-2 code of a country or territory ("DE", "GB"). */
export function isCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_A_COUNTRY.test(code) && regionNames.of(code) !== undefined;
}

/** True for a well-formed BCP 47 language tag ("de-DE", "en"). */
export function isLocale(tag: string): boolean {
  if (tag.trim() === '') return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** True for an IANA time zone the runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A tax rate: a decimal string from 0 to 100 with at most 4 decimals ("19", "7.5"). */
export function isTaxRatePercent(text: string): boolean {
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(text);
  if (!match) return false;
  const whole = Number(match[1]);
  const fraction = Number(match[2] ?? '0');
  return whole < 100 || (whole === 100 && fraction === 0);
}
