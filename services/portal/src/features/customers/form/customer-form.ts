import type { UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { isApiError, type Schema } from '../../../lib/api';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';

type Customer = Schema<'Customer'>;
const text = t.customers.form;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * The customer form, named as the API names its fields (metadata is edited
 * as rows and sent as the API's map). The browser checks what is cheap; the
 * API has the last word (a taken email, an unknown storefront).
 */
export const customerSchema = z.object({
  email: z.string().trim().min(1, t.customers.required).max(254, t.customers.tooLong(254)).regex(EMAIL, text.invalidEmail),
  name: z.string().trim().max(200, t.customers.tooLong(200)),
  country: z.string().trim().refine((v) => v === '' || COUNTRY.test(v), text.invalidCountry),
  locale: z.string().trim().max(35, t.customers.tooLong(35)).refine((v) => v === '' || LOCALE.test(v), text.invalidLocale),
  storefrontId: z.string(),
  metadata: z
    .array(z.object({ key: z.string().trim().max(40, t.customers.tooLong(40)), value: z.string().max(500, t.customers.tooLong(500)) }))
    .max(50)
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        if (row.key === '' && row.value !== '') ctx.addIssue({ code: 'custom', path: [i, 'key'], message: text.keyRequired });
        if (row.key !== '' && seen.has(row.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: text.duplicateKey });
        seen.add(row.key);
      });
    }),
});

export type CustomerValues = z.infer<typeof customerSchema>;

/** The fields the API may name in a problem's errors[]; `metadata.<key>` lands on the metadata group. */
export const CUSTOMER_FIELDS = ['email', 'name', 'country', 'locale', 'storefrontId', 'metadata'] as const;
const renameCustomerPath = (path: string) => (path.startsWith('metadata') ? 'metadata' : path);

/**
 * The API's problems beside the fields they concern; a taken email is a 409
 * with no errors[], but it is the email's problem, so it goes beside Email.
 */
export function placeCustomerErrors(error: unknown, setError: UseFormSetError<CustomerValues>): string {
  if (isApiError(error) && error.code === 'email_taken') {
    setError('email', { type: 'server', message: error.message });
    return '';
  }
  return applyApiErrors(error, setError, CUSTOMER_FIELDS, renameCustomerPath);
}

export const emptyCustomer: CustomerValues = { email: '', name: '', country: '', locale: '', storefrontId: '', metadata: [] };

export function valuesOf(customer: Customer): CustomerValues {
  return {
    email: customer.email ?? '',
    name: customer.name ?? '',
    country: customer.country ?? '',
    locale: customer.locale ?? '',
    storefrontId: customer.storefrontId ?? '',
    metadata: Object.entries(customer.metadata).map(([key, value]) => ({ key, value })),
  };
}

const pairs = (rows: CustomerValues['metadata']) => Object.fromEntries(rows.filter((r) => r.key !== '').map((r) => [r.key, r.value]));

export function toCreateBody(v: CustomerValues): Schema<'CreateCustomerRequest'> {
  const metadata = pairs(v.metadata);
  return {
    email: v.email.trim(),
    ...(v.name.trim() ? { name: v.name.trim() } : {}),
    ...(v.country.trim() ? { country: v.country.trim().toUpperCase() } : {}),
    ...(v.locale.trim() ? { locale: v.locale.trim() } : {}),
    ...(v.storefrontId ? { storefrontId: v.storefrontId } : {}),
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
  };
}

/**
 * A PATCH of what changed. Metadata merges key by key on the API, so a key
 * removed from the form is sent as null.
 */
export function toUpdateBody(original: Customer, v: CustomerValues): Schema<'UpdateCustomerRequest'> {
  const body: Schema<'UpdateCustomerRequest'> = {};
  const next = {
    email: v.email.trim(),
    name: v.name.trim() || null,
    country: v.country.trim().toUpperCase() || null,
    locale: v.locale.trim() || null,
    storefrontId: v.storefrontId || null,
  };
  if (next.email !== original.email) body.email = next.email;
  if (next.name !== original.name) body.name = next.name;
  if (next.country !== original.country) body.country = next.country;
  if (next.locale !== original.locale) body.locale = next.locale;
  if (next.storefrontId !== original.storefrontId) body.storefrontId = next.storefrontId;
  const wanted = pairs(v.metadata);
  const metadata: Record<string, string | null> = {};
  for (const key of Object.keys(original.metadata)) if (!(key in wanted)) metadata[key] = null;
  for (const [key, value] of Object.entries(wanted)) if (original.metadata[key] !== value) metadata[key] = value;
  if (Object.keys(metadata).length > 0) body.metadata = metadata;
  return body;
}
