// Checks of country, locale and time-zone codes, answered by the runtime's own ICU data rather
// than a copied list. Shared by every service that stores regional settings.

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

// Codes ICU knows but ISO 3166-1 does not assign to a country: user-assigned ones (AA, QM–QZ,
// XA–XZ, ZZ) and exceptionally reserved ones such as EU or UK (the United Kingdom is GB).
// XK stays: Kosovo's user-assigned code is what payment networks use for it.
const NOT_A_COUNTRY = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|AC|CP|CQ|DG|EA|EU|EZ|FX|IC|SU|TA|UK|UN)$/;

/** True for an upper-case ISO 3166-1 alpha-2 code of a country or territory ("DE", "GB"). */
export function isCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_A_COUNTRY.test(code) && regionNames.of(code) !== undefined;
}

/** The canonical form of a well-formed BCP 47 language tag ("de-de" → "de-DE"), or undefined. */
export function canonicalLocale(tag: string): string | undefined {
  if (tag.trim() === '' || tag.length > 35) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical;
  } catch {
    return undefined;
  }
}

/** True for a well-formed BCP 47 language tag ("de-DE", "en"). */
export function isLocale(tag: string): boolean {
  return canonicalLocale(tag) !== undefined;
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
