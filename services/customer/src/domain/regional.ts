// Countries and locales are checked by the kit (common/regional), as every service does.
export { canonicalLocale, isCountry } from '@azotte/common';
