import type { CustomerListParams } from '../api/queries';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What the search box asks GET /customers, as the API searches: a whole
 * email is looked up exactly (`email=`), anything else is a prefix of a name,
 * a word of a name or an email (`q=`); nothing typed lists everyone.
 */
export function customerSearch(text: string): Pick<CustomerListParams, 'email' | 'q'> {
  const s = text.trim();
  if (s === '') return {};
  if (EMAIL.test(s)) return { email: s.slice(0, 254) };
  return { q: s.slice(0, 100) };
}
