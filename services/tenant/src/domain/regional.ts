// Checks of regional settings; countries, locales and time zones are the kit's (common/regional).
export { isCountry, isLocale, isTimeZone } from '@azotte/common';

/** A tax rate: a decimal string from 0 to 100 with at most 4 decimals ("19", "7.5"). */
export function isTaxRatePercent(text: string): boolean {
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(text);
  if (!match) return false;
  const whole = Number(match[1]);
  const fraction = Number(match[2] ?? '0');
  return whole < 100 || (whole === 100 && fraction === 0);
}
