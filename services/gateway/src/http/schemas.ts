import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { isCurrency, MAX_LIMIT } from '@azotte/common';
import { z } from 'zod';

extendZodWithOpenApi(z);

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ description: 'Stable snake_case error code, e.g. `slug_taken`.' }),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem document.' });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(20).optional(),
  cursor: z.string().min(1).max(200).optional(),
});

/** `{ data: [...], nextCursor }`, the shape of every list. */
export const listOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

export const IdParams = z.object({ id: z.string().min(1).max(64) });

export const Currency = z
  .string()
  .refine(isCurrency, { message: 'must be an upper-case ISO 4217 currency code' })
  .openapi({ example: 'EUR' });

export const Email = z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })).pipe(z.string().max(254));

export const Timestamp = z.string().openapi({ format: 'date-time', example: '2026-11-26T10:00:00.000Z' });

export const RoleSchema = z.enum(['administrator', 'manager', 'operator', 'viewer']);

/** Pagination for a gRPC list request. */
export const pageOf = (q: { limit?: number; cursor?: string } | undefined) => ({
  limit: q?.limit ?? 0,
  cursor: q?.cursor ?? '',
});

/** A gRPC list response as API.md's list. */
export const listResponse = <T, U>(res: { data: T[]; nextCursor: string }, map: (item: T) => U) => ({
  data: res.data.map(map),
  nextCursor: res.nextCursor || null,
});
