import { z } from 'zod';
import { Currency, listOf, RoleSchema, Timestamp } from '../http/schemas';

/** Response schemas of the tenancy routes (documentation; the presenters build the values). */
const environmentShape = { id: z.string(), name: z.string(), kind: z.enum(['production', 'sandbox']) };

export const EnvironmentSchema = z.object(environmentShape).openapi('Environment');

/**
 * An environment or null, inline: zod-to-openapi would mark the shared
 * `Environment` component itself nullable for a `.nullable()` of it.
 */
export const NullableEnvironmentSchema = z.object(environmentShape).nullable();

export const TenantSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    reportingCurrency: Currency,
    fxRates: z.record(z.string(), z.string()),
    environments: z.array(EnvironmentSchema),
    createdAt: Timestamp.nullable(),
  })
  .openapi('Tenant');

export const UserSchema = z
  .object({
    id: z.string(),
    tenantId: z.string().nullable(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.union([RoleSchema, z.literal('platform_admin')]),
    disabled: z.boolean(),
    createdAt: Timestamp.nullable(),
  })
  .openapi('User');

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: RoleSchema,
    environment: z.string(),
    environmentId: z.string(),
    hint: z.string(),
    createdAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable(),
  })
  .openapi('ApiKey');

export const PAYMENT_METHODS = ['card', 'paypal', 'sepa_debit', 'apple_pay', 'google_pay'] as const;

export const StorefrontSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    status: z.enum(['active', 'archived']),
    branding: z.object({
      logoUrl: z.string().nullable(),
      primaryColor: z.string().nullable(),
      theme: z.enum(['light', 'dark']),
    }),
    paymentMethods: z.array(z.enum(PAYMENT_METHODS)),
    regional: z.object({
      countries: z.array(z.string()),
      defaultCurrency: Currency,
      currencies: z.array(Currency),
      locale: z.string(),
      timezone: z.string(),
      taxBehavior: z.enum(['inclusive', 'exclusive']),
      taxRatePercent: z.number().nullable(),
    }),
    environmentId: z.string(),
    createdAt: Timestamp.nullable(),
    updatedAt: Timestamp.nullable(),
  })
  .openapi('Storefront');

export const PaymentProviderSchema = z
  .object({ provider: z.string(), enabled: z.boolean(), configured: z.boolean(), details: z.record(z.string(), z.unknown()) })
  .openapi('PaymentProvider');

export const TenantList = listOf(TenantSchema, 'TenantList');
export const UserList = listOf(UserSchema, 'UserList');
export const ApiKeyList = listOf(ApiKeySchema, 'ApiKeyList');
export const StorefrontList = listOf(StorefrontSchema, 'StorefrontList');
