import { z } from 'zod';
import type { Api } from '../http/api';
import { Email, IdParams, listResponse, PageQuery, pageOf } from '../http/schemas';
import { presentCustomer, presentSupportRequest } from './customer-presenters';
import {
  CustomerList,
  CustomerSchema,
  SUPPORT_PRIORITIES,
  SUPPORT_STATUSES,
  SupportRequestList,
  SupportRequestSchema,
} from './customer-schemas';

// Stripe's metadata limits; the customer service checks them again, after a PATCH's merge too.
const METADATA_MAX_KEYS = 50;

const MetadataKey = z
  .string()
  .min(1, 'a metadata key must not be empty')
  .max(40, 'a metadata key must be at most 40 characters')
  .refine((key) => !/[[\]]/.test(key), 'a metadata key must not contain square brackets');
const MetadataValue = z.string().max(500, 'must be at most 500 characters');
const atMostMaxKeys = (m: Record<string, unknown>) => Object.keys(m).length <= METADATA_MAX_KEYS;

const Name = z.string().trim().min(1).max(200);
const Country = z.string().regex(/^[A-Z]{2}$/, 'must be an upper-case ISO 3166-1 alpha-2 code such as DE');
const Locale = z.string().min(2).max(35).openapi({ description: 'A BCP 47 tag; stored in canonical form (`de-de` → `de-DE`).' });
const StorefrontId = z.string().min(1).max(64).openapi({ description: 'An active storefront of the same environment.' });

const CreateCustomerBody = z
  .object({
    email: Email.openapi({ description: 'Unique in the environment among customers not erased; compared case-insensitively.' }),
    name: Name.optional(),
    country: Country.optional(),
    storefrontId: StorefrontId.optional(),
    locale: Locale.optional(),
    metadata: z
      .record(MetadataKey, MetadataValue)
      .refine(atMostMaxKeys, `must have at most ${METADATA_MAX_KEYS} keys`)
      .optional()
      .openapi({ description: 'Up to 50 string pairs; keys up to 40 characters, values up to 500.' }),
  })
  .openapi('CreateCustomerRequest');

// In a PATCH, null removes an optional field; in metadata, a key set to null or "" removes that
// key, other keys given replace theirs, keys not given stay, and `"metadata": null` removes all.
const UpdateCustomerBody = z
  .object({
    email: CreateCustomerBody.shape.email.optional(),
    name: Name.nullable().optional(),
    country: Country.nullable().optional(),
    storefrontId: StorefrontId.nullable().optional(),
    locale: Locale.nullable().optional(),
    metadata: z
      .record(MetadataKey, MetadataValue.nullable())
      .nullable()
      .optional()
      .openapi({ description: 'Merged key by key: null or "" removes a key; `null` for the whole map removes every key.' }),
  })
  .openapi('UpdateCustomerRequest');

const CustomerQuery = PageQuery.extend({
  email: z.string().trim().max(254).optional().openapi({ description: 'Exact email, case-insensitive.' }),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: 'A prefix of the email, the name or any word of the name; case- and accent-insensitive.' }),
});

const SupportPriority = z.enum(SUPPORT_PRIORITIES);
const MessageBody = z.string().trim().min(1).max(10_000);

const CreateSupportRequestBody = z
  .object({
    subject: z.string().trim().min(1).max(200),
    body: MessageBody.openapi({ description: 'The first message of the thread.' }),
    priority: SupportPriority.optional().openapi({ description: 'Default `normal`.' }),
  })
  .openapi('CreateSupportRequestRequest');

const UpdateSupportRequestBody = z
  .object({ status: z.enum(SUPPORT_STATUSES).optional(), priority: SupportPriority.optional() })
  .refine((b) => b.status !== undefined || b.priority !== undefined, { path: ['status'], message: 'is required (or priority)' })
  .openapi('UpdateSupportRequestRequest');

const AddSupportMessageBody = z.object({ body: MessageBody }).openapi('AddSupportMessageRequest');

// proto3 strings cannot be null: '' means "remove" for these fields, absent means "keep".
const cleared = (v: string | null | undefined) => (v === null ? '' : v);

export function customerRoutes(api: Api): void {
  const customer = api.clients.customer;
  const area = (access: 'read' | 'write') => ({ area: 'customers' as const, access });

  api.add({
    method: 'post',
    path: '/customers',
    summary: 'Create a customer',
    tag: 'Customers',
    auth: area('write'),
    body: CreateCustomerBody,
    response: CustomerSchema,
    async handler({ body, req }) {
      return presentCustomer(
        await customer.createCustomer({
          // The customer service keeps it too: a retry after an answer lost past the gateway's record finds the first.
          idempotencyKey: req.header('idempotency-key') ?? '',
          email: body.email,
          name: body.name,
          country: body.country,
          locale: body.locale,
          storefrontId: body.storefrontId,
          metadata: body.metadata ?? {},
        }),
      );
    },
  });

  api.add({
    method: 'get',
    path: '/customers',
    summary: 'List customers, newest first; search by exact email and/or a name or email prefix (erased customers never appear)',
    tag: 'Customers',
    auth: area('read'),
    query: CustomerQuery,
    response: CustomerList,
    async handler({ query }) {
      return listResponse(
        await customer.listCustomers({ page: pageOf(query), email: query.email ?? '', query: query.q ?? '' }),
        presentCustomer,
      );
    },
  });

  api.add({
    method: 'get',
    path: '/customers/{id}',
    summary: 'Get a customer (an erased one too, with `erased: true`)',
    tag: 'Customers',
    auth: area('read'),
    params: IdParams,
    response: CustomerSchema,
    errors: [404],
    async handler({ params }) {
      return presentCustomer(await customer.getCustomer({ id: params.id }));
    },
  });

  api.add({
    method: 'patch',
    path: '/customers/{id}',
    summary: 'Change a customer; fields given replace, null removes, metadata merges key by key (409 once erased)',
    tag: 'Customers',
    auth: area('write'),
    params: IdParams,
    body: UpdateCustomerBody,
    response: CustomerSchema,
    errors: [404, 409],
    async handler({ params, body }) {
      const metadata = Object.fromEntries(Object.entries(body.metadata ?? {}).map(([k, v]) => [k, v ?? '']));
      return presentCustomer(
        await customer.updateCustomer({
          id: params.id,
          email: body.email,
          name: cleared(body.name),
          country: cleared(body.country),
          locale: cleared(body.locale),
          storefrontId: cleared(body.storefrontId),
          metadata,
          clearMetadata: body.metadata === null,
        }),
      );
    },
  });

  api.add({
    method: 'delete',
    path: '/customers/{id}',
    summary:
      'Erase a customer: email, name, locale, metadata and support-request subjects and messages are removed; ids, country, storefront and money records stay. Idempotent.',
    tag: 'Customers',
    auth: area('write'),
    params: IdParams,
    response: CustomerSchema,
    errors: [404],
    async handler({ params }) {
      return presentCustomer(await customer.eraseCustomer({ id: params.id }));
    },
  });

  api.add({
    method: 'post',
    path: '/customers/{id}/support-requests',
    summary: "Open a support request for a customer; the body is the thread's first message (409 once the customer is erased)",
    tag: 'Support requests',
    auth: area('write'),
    params: IdParams,
    body: CreateSupportRequestBody,
    response: SupportRequestSchema,
    errors: [404],
    async handler({ params, body }) {
      return presentSupportRequest(
        await customer.createSupportRequest({
          customerId: params.id,
          subject: body.subject,
          body: body.body,
          priority: body.priority ?? '',
        }),
      );
    },
  });

  api.add({
    method: 'get',
    path: '/customers/{id}/support-requests',
    summary: "List a customer's support requests, newest first, each with its thread",
    tag: 'Support requests',
    auth: area('read'),
    params: IdParams,
    query: PageQuery,
    response: SupportRequestList,
    errors: [404],
    async handler({ params, query }) {
      return listResponse(
        await customer.listSupportRequests({ customerId: params.id, page: pageOf(query) }),
        presentSupportRequest,
      );
    },
  });

  api.add({
    method: 'get',
    path: '/support-requests/{id}',
    summary: 'Get a support request with its thread, oldest message first',
    tag: 'Support requests',
    auth: area('read'),
    params: IdParams,
    response: SupportRequestSchema,
    errors: [404],
    async handler({ params }) {
      return presentSupportRequest(await customer.getSupportRequest({ id: params.id }));
    },
  });

  api.add({
    method: 'patch',
    path: '/support-requests/{id}',
    summary: 'Change the status (open, pending, resolved) and/or the priority of a support request',
    tag: 'Support requests',
    auth: area('write'),
    params: IdParams,
    body: UpdateSupportRequestBody,
    response: SupportRequestSchema,
    errors: [404],
    async handler({ params, body }) {
      return presentSupportRequest(
        await customer.updateSupportRequest({ id: params.id, status: body.status, priority: body.priority }),
      );
    },
  });

  api.add({
    method: 'post',
    path: '/support-requests/{id}/messages',
    summary:
      'Add a message by the caller to the thread; returns the support request. A message reopens a resolved request (409 once the customer is erased)',
    tag: 'Support requests',
    auth: area('write'),
    params: IdParams,
    body: AddSupportMessageBody,
    response: SupportRequestSchema,
    errors: [404],
    async handler({ params, body }) {
      return presentSupportRequest(await customer.addSupportMessage({ supportRequestId: params.id, body: body.body }));
    },
  });
}
