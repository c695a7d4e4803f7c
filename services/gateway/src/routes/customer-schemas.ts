import { z } from 'zod';
import { listOf, Timestamp } from '../http/schemas';
import { SUPPORT_PRIORITIES, SUPPORT_STATUSES } from '@azotte/proto';

/** Response schemas of the customer routes (documentation; customer-presenters.ts builds the values). */
export const CustomerSchema = z
  .object({
    id: z.string().openapi({ example: 'cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }),
    email: z.string().nullable().openapi({ description: 'Lower-case; null once erased.' }),
    name: z.string().nullable(),
    country: z.string().nullable().openapi({ description: 'ISO 3166-1 alpha-2; kept after erasure (tax records).' }),
    locale: z.string().nullable().openapi({ description: 'Canonical BCP 47 tag, e.g. `de-DE`.' }),
    storefrontId: z.string().nullable(),
    metadata: z.record(z.string(), z.string()),
    environmentId: z.string(),
    erased: z.boolean().openapi({ description: 'True once `DELETE /customers/{id}` erased the personal data.' }),
    erasedAt: Timestamp.nullable(),
    createdAt: Timestamp.nullable(),
    updatedAt: Timestamp.nullable(),
  })
  .openapi('Customer');

// One list for the zod schemas here and the presenters of @azotte/proto.
export { SUPPORT_PRIORITIES, SUPPORT_STATUSES };

export const SupportMessageSchema = z
  .object({
    id: z.string(),
    body: z.string().nullable().openapi({ description: 'Null once the customer is erased.' }),
    author: z.object({ type: z.enum(['user', 'api_key', 'system']), id: z.string() }),
    createdAt: Timestamp.nullable(),
  })
  .openapi('SupportMessage');

export const SupportRequestSchema = z
  .object({
    id: z.string().openapi({ example: 'sr_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }),
    customerId: z.string(),
    subject: z.string().nullable().openapi({ description: 'Null once the customer is erased.' }),
    status: z.enum(SUPPORT_STATUSES),
    priority: z.enum(SUPPORT_PRIORITIES),
    messages: z.array(SupportMessageSchema).openapi({ description: 'The thread, oldest message first.' }),
    environmentId: z.string(),
    createdAt: Timestamp.nullable(),
    updatedAt: Timestamp.nullable(),
  })
  .openapi('SupportRequest');

export const CustomerList = listOf(CustomerSchema, 'CustomerList');
export const SupportRequestList = listOf(SupportRequestSchema, 'SupportRequestList');
