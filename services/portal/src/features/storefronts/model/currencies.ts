import { CURRENCIES } from '@azotte/currencies';
import type { CodeOption } from '../../../lib/countries';

let options: CodeOption[] | undefined;

/** ISO 4217 currencies in circulation (the services' own table), with their English names. */
export function currencyOptions(): CodeOption[] {
  if (options) return options;
  const names = new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'code' });
  options = CURRENCIES.map((code) => ({ code, name: names.of(code) ?? code }));
  return options;
}
