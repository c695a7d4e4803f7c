/** Time zones and locale examples for the regional settings, from the browser's own ICU data. */
let zones: string[] | undefined;

export function timeZones(): string[] {
  if (zones) return zones;
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  // ICU lists the canonical zones; UTC is not always among them but is what many stores use.
  zones = supported.includes('UTC') ? [...supported] : ['UTC', ...supported];
  return zones;
}

export const browserTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

/** Suggestions for the locale field (any well-formed BCP 47 tag is taken). */
export const LOCALE_EXAMPLES = ['en-US', 'en-GB', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'fr-CH', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'pl-PL', 'sv-SE', 'ja-JP'] as const;

/** True for a well-formed BCP 47 tag ("de-DE", "en"), as the API checks it. */
export function isLocale(tag: string): boolean {
  if (tag.trim() === '' || tag.length > 35) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The name of a locale in English, for the hint beside the field ("German (Germany)"). */
export function localeName(tag: string): string | undefined {
  if (!isLocale(tag)) return undefined;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(tag);
  } catch {
    return undefined;
  }
}
