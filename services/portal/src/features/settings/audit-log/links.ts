import { t } from '../../../lib/i18n';

/**
 * Where an audit entry's object opens in the portal, by its type (the entity
 * of the event's routing key). Objects of an environment exist only there, so
 * a link is offered only when the entry is of the tab's environment (or
 * tenant-wide): elsewhere the page would answer "not found".
 */
const OBJECT_PAGES: Record<string, (id: string) => string> = {
  customer: (id) => `/customers/${id}`,
  subscription: (id) => `/subscriptions/${id}`,
  invoice: (id) => `/invoices/${id}`,
  payment: (id) => `/payments/${id}`,
  refund: (id) => `/refunds/${id}`,
  support_request: (id) => `/support-requests/${id}`,
  bundle: (id) => `/catalog/bundles/${id}`,
  price: (id) => `/catalog/prices/${id}`,
  storefront: (id) => `/storefronts/${id}`,
  campaign: (id) => `/campaigns/${id}`,
  user: (id) => `/settings/users#user-${id}`,
  api_key: () => '/settings/api-keys',
  environment: () => '/settings/environments',
  tenant: () => '/settings',
  payment_provider: () => '/settings/payment-providers',
  test_clock: () => '/test-clock',
};

/** Tenant-wide objects: their settings page is the same in every environment. */
const TENANT_WIDE = new Set(['user', 'api_key', 'environment', 'tenant']);
export const isTenantWide = (type: string) => TENANT_WIDE.has(type);

export function objectPath(type: string, id: string): string | undefined {
  const page = OBJECT_PAGES[type];
  // A settings page needs no id; a business object's page does.
  if (!page || (id === '' && !['api_key', 'environment', 'tenant', 'payment_provider', 'test_clock'].includes(type))) return undefined;
  return page(id);
}

/** Where the actor is listed: a user in the users list, an API key in the keys list. */
export function actorPath(type: string, id: string): string | undefined {
  if (type === 'user' && id.startsWith('usr_')) return `/settings/users#user-${id}`;
  if (type === 'api_key' && id.startsWith('key_')) return '/settings/api-keys';
  return undefined;
}

export const objectTypeLabel = (type: string) => t.settings.audit.objectTypes[type] ?? type.replace(/_/g, ' ');
export const actorTypeLabel = (type: string) => t.settings.audit.actorTypes[type] ?? type.replace(/_/g, ' ');

/**
 * An action as people read it: `billing.subscription.price_changed.v1` →
 * "Subscription price changed" (the code itself is shown beside it).
 */
export function actionLabel(action: string): string {
  const [, entity = '', verb = ''] = action.split('.');
  if (!entity || !verb) return action;
  return `${objectTypeLabel(entity)} ${verb.replace(/_/g, ' ')}`;
}

/** The object types of the platform's events, for the filter's choice. */
export const OBJECT_TYPES = Object.keys(t.settings.audit.objectTypes);
