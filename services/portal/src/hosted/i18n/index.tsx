import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatMoney } from '../../lib/money';
import { de } from './de';
import { en, type Messages } from './en';

export type { Messages } from './en';

/** One table per language; a storefront locale of another language falls back to English. */
const TABLES: Record<string, Messages> = { en, de };

/** The storefront's locale if Intl knows it, else `en`. */
function usableLocale(locale: string | undefined): string {
  if (!locale) return 'en';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The storefront's zone if Intl knows it, else UTC. */
function usableTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

export function messagesFor(locale: string | undefined): Messages {
  const language = usableLocale(locale).split('-')[0]!.toLowerCase();
  return TABLES[language] ?? en;
}

/**
 * Everything a page shows in the storefront's locale: its texts, and money,
 * dates and percentages formatted by Intl in that locale and time zone.
 */
export interface Localized {
  t: Messages;
  locale: string;
  timeZone: string;
  /** Integer minor units in their currency: `9,99 €` in de-DE. */
  money: (minor: number, currency: string) => string;
  /** `9,99 € / Monat`, `9.99 € every 3 months`. */
  perInterval: (minor: number, currency: string, count: number, interval: string) => string;
  /** A day, in the storefront's zone: `2. Dezember 2026`. */
  date: (iso: string) => string;
  /** A decimal percentage as the API sends it (`"7.5"`) in the locale's notation (`7,5`). */
  percent: (value: string) => string;
}

export function localize(locale: string | undefined, timeZone: string | undefined): Localized {
  const tag = usableLocale(locale);
  const zone = usableTimeZone(timeZone);
  const t = messagesFor(tag);
  const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: zone });
  const numbers = new Intl.NumberFormat(tag, { maximumFractionDigits: 4 });
  const money = (minor: number, currency: string) => formatMoney(minor, currency, tag);
  return {
    t,
    locale: tag,
    timeZone: zone,
    money,
    perInterval: (minor, currency, count, interval) => t.perInterval(money(minor, currency), count, interval),
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dates.format(d);
    },
    // A percentage is not money: the decimal text is formatted as it is, without arithmetic.
    percent: (value) => (/^-?\d+(\.\d+)?$/.test(value.trim()) ? numbers.format(value.trim() as unknown as number) : value),
  };
}

const LocaleContext = createContext<Localized>(localize(undefined, undefined));

/** The storefront's locale for everything below it. */
export function LocaleProvider({ locale, timeZone, children }: { locale: string | undefined; timeZone: string | undefined; children: ReactNode }) {
  const value = useMemo(() => localize(locale, timeZone), [locale, timeZone]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export const useLocalized = (): Localized => useContext(LocaleContext);
