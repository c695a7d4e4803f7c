/**
 * ISO 3166-1 alpha-2 countries with their English names, from the browser's
 * own ICU data (as the services check them): codes ICU knows that are not
 * countries (EU, UN, QO …) are left out, as the API refuses them.
 */
export interface CodeOption {
  code: string;
  name: string;
}

const NOT_A_COUNTRY = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|AC|CP|CQ|DG|EA|EU|EZ|FX|IC|SU|TA|UK|UN)$/;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let countries: CodeOption[] | undefined;

export function countryOptions(): CodeOption[] {
  if (countries) return countries;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const list: CodeOption[] = [];
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = a + b;
      if (NOT_A_COUNTRY.test(code)) continue;
      const name = names.of(code);
      if (name && name !== code) list.push({ code, name });
    }
  }
  countries = list.sort((x, y) => x.name.localeCompare(y.name, 'en'));
  return countries;
}
