/**
 * A slug proposed from a tenant's name ("Café Müller GmbH" → "cafe-muller-gmbh"),
 * in the API's form: lower-case letters, digits and dashes, at most 63.
 */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

export const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
