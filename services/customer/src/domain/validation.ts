import { emailField } from '@azotte/common';
import { z } from 'zod';
import { METADATA_MAX_KEY_LENGTH, METADATA_MAX_KEYS, METADATA_MAX_VALUE_LENGTH } from './metadata';
import { canonicalLocale, isCountry } from './regional';

/**
 * The checks of every command, one schema each. A request is checked whole and
 * every problem is reported at once, with the HTTP field names as paths
 * (`metadata.plan`), as a single invalid_argument error.
 */


export { fieldErrors, validate } from '@azotte/common';

/** The longest id the service accepts as a reference (ids are a prefix and a 26-character ULID). */
export const MAX_ID_LENGTH = 64;

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

// ---- customers --------------------------------------------------------------------------------

export const email = emailField;

const metadataKey = z
  .string()
  .min(1, 'a metadata key must not be empty')
  .max(METADATA_MAX_KEY_LENGTH, `a metadata key must be at most ${METADATA_MAX_KEY_LENGTH} characters`)
  .refine((key) => !/[[\]]/.test(key), { error: 'a metadata key must not contain square brackets' });

export const metadata = z
  .record(
    metadataKey,
    z.string().max(METADATA_MAX_VALUE_LENGTH, `must be at most ${METADATA_MAX_VALUE_LENGTH} characters`),
  )
  .refine((m) => Object.keys(m).length <= METADATA_MAX_KEYS, {
    error: `must have at most ${METADATA_MAX_KEYS} keys`,
    // Checked alongside the problems of single keys, so every problem is reported at once.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

/** A whole customer as it will be stored: checked on creation and again after every update. */
export const customerSchema = z.object({
  email,
  name: text(200).optional(),
  country: z
    .string()
    .refine(isCountry, { error: 'is not an upper-case ISO 3166-1 alpha-2 country code such as DE' })
    .optional(),
  locale: z
    .string()
    .refine((tag) => canonicalLocale(tag) !== undefined, { error: 'is not a BCP 47 language tag such as de-DE' })
    .transform((tag) => canonicalLocale(tag)!)
    .optional(),
  storefrontId: z.string().max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`).optional(),
  metadata,
});

export type CustomerFields = z.output<typeof customerSchema>;

export const listCustomersSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, 'must be at most 254 characters'),
  query: z.string().trim().max(100, 'must be at most 100 characters'),
});

// ---- support requests -------------------------------------------------------------------------

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export const STATUSES = ['open', 'pending', 'resolved'] as const;
export type Priority = (typeof PRIORITIES)[number];
export type Status = (typeof STATUSES)[number];

const priority = z.enum(PRIORITIES, { error: `must be one of ${PRIORITIES.join(', ')}` });
const status = z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` });
const body = text(10_000);

export const createSupportRequestSchema = z.object({
  subject: text(200),
  body,
  priority: priority.default('normal'),
});

export const updateSupportRequestSchema = z
  .object({ status: status.optional(), priority: priority.optional() })
  .refine((u) => u.status !== undefined || u.priority !== undefined, {
    path: ['status'],
    error: 'is required (or priority)',
  });

export const addSupportMessageSchema = z.object({ body });
