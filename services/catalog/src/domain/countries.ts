// Countries are checked by the kit (common/regional), as every service does.
export { isCountry } from '@azotte/common';
