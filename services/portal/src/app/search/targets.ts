/**
 * Where an id opens: every kind the API prefixes (API.md "Conventions") has
 * its page. An email opens the customer it belongs to (looked up by the
 * palette); anything else is a name or email prefix.
 */
export interface Target {
  kind: string;
  path: string;
}

const PAGES: Array<[prefix: string, kind: string, path: (id: string) => string]> = [
  ['cus_', 'customer', (id) => `/customers/${id}`],
  ['sub_', 'subscription', (id) => `/subscriptions/${id}`],
  ['inv_', 'invoice', (id) => `/invoices/${id}`],
  ['pay_', 'payment', (id) => `/payments/${id}`],
  ['re_', 'refund', (id) => `/refunds/${id}`],
  ['cmp_', 'campaign', (id) => `/campaigns/${id}`],
  ['bun_', 'bundle', (id) => `/catalog/bundles/${id}`],
  ['price_', 'price', (id) => `/catalog/prices/${id}`],
  ['sf_', 'storefront', (id) => `/storefronts/${id}`],
  ['sr_', 'support request', (id) => `/support-requests/${id}`],
  ['ten_', 'tenant', (id) => `/tenants/${id}`],
];

const ID = /^[a-z]+_[0-9A-Za-z]{6,}$/;

/** The page of an id, or undefined when the text is not one. */
export function targetOf(text: string): Target | undefined {
  const id = text.trim();
  if (!ID.test(id)) return undefined;
  const page = PAGES.find(([prefix]) => id.startsWith(prefix));
  return page ? { kind: page[1], path: page[2](id) } : undefined;
}

export const looksLikeEmail = (text: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
