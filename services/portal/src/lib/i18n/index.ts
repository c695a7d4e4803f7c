import { en, type Messages } from '../../locales/en';

/**
 * The portal's texts. English is the one language today; a translation is a
 * folder of `src/locales/` with the same shape, chosen here.
 */
export const t: Messages = en;
