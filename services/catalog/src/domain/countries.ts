// ISO 3166-1 alpha-2, answered by the runtime's own ICU data rather than a copied list.
// The same rule as the tenant service's storefront regions (services/tenant/src/domain/regional.ts);
// a service never imports another's code, so it is repeated here rather than shared.

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

// Codes ICU knows but ISO 3166-1 does not assign to a country: user-assigned ones (AA, QM–QZ,
// XA–XZ, ZZ) and exceptionally reserved ones such as EU or UK (the United Kingdom is GB).
// XK stays: Kosovo's user-assigned code is what payment networks use for it.
const NOT_A_COUNTRY = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|AC|CP|CQ|DG|EA|EU|EZ|FX|IC|SU|TA|UK|UN)$/;

/** True for an upper-case ISO 3166-1 alpha-2 code of a country or territory ("DE", "GB"). */
export function isCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_A_COUNTRY.test(code) && regionNames.of(code) !== undefined;
}
