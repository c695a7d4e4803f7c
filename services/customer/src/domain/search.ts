/**
 * Customer search by prefix. Each customer is indexed under a few terms (its
 * email, its whole name and each word of it), folded to lower case without
 * accents; a query is folded the same way and matched as a prefix of any
 * term, which a btree index (text_pattern_ops) answers within one scope.
 */

/** Lower case, accents removed, compatibility forms unified ("Ánna" → "anna", "ﬁ" → "fi"). */
export const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

/** Longer terms are cut: a prefix this long finds them anyway. */
export const MAX_TERM_LENGTH = 200;

const squash = (text: string) => text.trim().replace(/\s+/g, ' ');

/** The terms a customer is found under. */
export function searchTermsOf(customer: { email?: string | null; name?: string | null }): string[] {
  const terms = new Set<string>();
  if (customer.email) terms.add(fold(customer.email));
  if (customer.name) {
    const name = squash(fold(customer.name));
    terms.add(name);
    for (const word of name.split(' ')) {
      terms.add(word);
      // "Mary-Jane" is found by "jane" too.
      for (const part of word.split(/[-‐‑]/)) terms.add(part);
    }
  }
  return [...terms].filter((t) => t !== '').map((t) => t.slice(0, MAX_TERM_LENGTH));
}

/** The LIKE pattern of a query: its folded text, with LIKE's own wildcards escaped, then `%`. */
export function prefixPattern(query: string): string {
  const folded = squash(fold(query)).slice(0, MAX_TERM_LENGTH);
  return `${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
