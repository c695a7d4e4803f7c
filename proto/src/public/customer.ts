import type { customerV1 } from '../../gen';

// Proto carries enumerations as documented strings; the service guarantees their values.
export const SUPPORT_STATUSES = ['open', 'pending', 'resolved'] as const;
export const SUPPORT_PRIORITIES = ['low', 'normal', 'high'] as const;
type SupportStatus = (typeof SUPPORT_STATUSES)[number];
type SupportPriority = (typeof SUPPORT_PRIORITIES)[number];

/** Proto messages as API.md's JSON: absent optionals are null. */
export const presentCustomer = (c: customerV1.Customer) => ({
  id: c.id,
  email: c.email ?? null,
  name: c.name ?? null,
  country: c.country ?? null,
  locale: c.locale ?? null,
  storefrontId: c.storefrontId ?? null,
  metadata: c.metadata,
  environmentId: c.environmentId,
  erased: c.erased,
  erasedAt: c.erasedAt ?? null,
  createdAt: c.createdAt ?? null,
  updatedAt: c.updatedAt ?? null,
});

export const presentSupportMessage = (m: customerV1.SupportMessage) => ({
  id: m.id,
  body: m.body ?? null,
  author: { type: (m.author?.type ?? 'system') as 'user' | 'api_key' | 'system', id: m.author?.id ?? '' },
  createdAt: m.createdAt ?? null,
});

export const presentSupportRequest = (r: customerV1.SupportRequest) => ({
  id: r.id,
  customerId: r.customerId,
  subject: r.subject ?? null,
  status: r.status as SupportStatus,
  priority: r.priority as SupportPriority,
  messages: r.messages.map(presentSupportMessage),
  environmentId: r.environmentId,
  createdAt: r.createdAt ?? null,
  updatedAt: r.updatedAt ?? null,
});
