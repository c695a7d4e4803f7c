import { isDecimalString } from '@azotte/common';
import { z } from 'zod';
import type { Api } from '../http/api';
import { Currency, IdParams, listResponse, PageQuery, pageOf } from '../http/schemas';
import { presentStorefront } from './presenters';
import { PAYMENT_METHODS, StorefrontList, StorefrontSchema } from './schemas';

const Branding = z.object({
  logoUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048).optional(),
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1A2B3C').optional(),
  theme: z.enum(['light', 'dark']),
});

const Country = z.string().regex(/^[A-Z]{2}$/, 'must be an upper-case ISO 3166-1 alpha-2 code');

const TaxRate = z
  .number()
  .min(0)
  .max(100)
  .refine((n) => isDecimalString(String(n)) && (String(n).split('.')[1]?.length ?? 0) <= 4, 'at most 4 decimals');

const Regional = z.object({
  countries: z.array(Country).min(1),
  defaultCurrency: Currency,
  currencies: z.array(Currency).min(1),
  locale: z.string().min(2).max(35),
  timezone: z.string().min(1).max(64),
  taxBehavior: z.enum(['inclusive', 'exclusive']),
  taxRatePercent: TaxRate.optional(),
});

const CreateStorefrontBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be 1–63 lower-case letters, digits or dashes'),
    branding: Branding,
    paymentMethods: z.array(z.enum(PAYMENT_METHODS)).min(1),
    regional: Regional,
  })
  .openapi('CreateStorefrontRequest');

// In a PATCH, null clears an optional setting (a logo, a colour, the tax rate).
const UpdateStorefrontBody = z
  .object({
    name: CreateStorefrontBody.shape.name.optional(),
    slug: CreateStorefrontBody.shape.slug.optional(),
    branding: Branding.extend({
      logoUrl: Branding.shape.logoUrl.unwrap().nullable().optional(),
      primaryColor: Branding.shape.primaryColor.unwrap().nullable().optional(),
    })
      .partial()
      .optional(),
    paymentMethods: CreateStorefrontBody.shape.paymentMethods.optional(),
    regional: Regional.extend({ taxRatePercent: TaxRate.nullable().optional() }).partial().optional(),
  })
  .openapi('UpdateStorefrontRequest');

// proto3 strings cannot be null: '' means "clear" for these settings, absent means "keep".
const cleared = <T>(v: T | null | undefined, map: (v: T) => string) => (v === null ? '' : v === undefined ? undefined : map(v));

const regionalToProto = (r: Partial<Omit<z.infer<typeof Regional>, 'taxRatePercent'>> & { taxRatePercent?: number | null }) => ({
  countries: r.countries ?? [],
  defaultCurrency: r.defaultCurrency ?? '',
  currencies: r.currencies ?? [],
  locale: r.locale ?? '',
  timezone: r.timezone ?? '',
  taxBehavior: r.taxBehavior ?? '',
  taxRatePercent: cleared(r.taxRatePercent, String),
});

const brandingToProto = (b: { logoUrl?: string | null; primaryColor?: string | null; theme?: string }) => ({
  logoUrl: cleared(b.logoUrl, String),
  primaryColor: cleared(b.primaryColor, String),
  theme: b.theme ?? '',
});

export function storefrontRoutes(api: Api): void {
  const tenant = api.clients.tenant;
  const area = (access: 'read' | 'write') => ({ area: 'storefronts' as const, access });

  api.add({
    method: 'post',
    path: '/storefronts',
    summary: 'Create a storefront: branding, payment methods and regional settings',
    tag: 'Storefronts',
    auth: area('write'),
    body: CreateStorefrontBody,
    response: StorefrontSchema,
    async handler({ body }) {
      return presentStorefront(
        await tenant.createStorefront({
          name: body.name,
          slug: body.slug,
          branding: brandingToProto(body.branding),
          paymentMethods: body.paymentMethods,
          regional: regionalToProto(body.regional),
        }),
      );
    },
  });

  api.add({
    method: 'get',
    path: '/storefronts',
    summary: "List the environment's storefronts",
    tag: 'Storefronts',
    auth: area('read'),
    query: PageQuery,
    response: StorefrontList,
    async handler({ query }) {
      return listResponse(await tenant.listStorefronts({ page: pageOf(query) }), presentStorefront);
    },
  });

  api.add({
    method: 'get',
    path: '/storefronts/{id}',
    summary: 'Get a storefront',
    tag: 'Storefronts',
    auth: area('read'),
    params: IdParams,
    response: StorefrontSchema,
    errors: [404],
    async handler({ params }) {
      return presentStorefront(await tenant.getStorefront({ id: params.id }));
    },
  });

  api.add({
    method: 'patch',
    path: '/storefronts/{id}',
    summary: 'Change a storefront; fields given replace, branding and regional merge',
    tag: 'Storefronts',
    auth: area('write'),
    params: IdParams,
    body: UpdateStorefrontBody,
    response: StorefrontSchema,
    errors: [404, 409],
    async handler({ params, body }) {
      return presentStorefront(
        await tenant.updateStorefront({
          id: params.id,
          name: body.name,
          slug: body.slug,
          branding: body.branding ? brandingToProto(body.branding) : undefined,
          paymentMethods: body.paymentMethods ?? [],
          replacePaymentMethods: body.paymentMethods !== undefined,
          regional: body.regional ? regionalToProto(body.regional) : undefined,
        }),
      );
    },
  });

  api.add({
    method: 'delete',
    path: '/storefronts/{id}',
    summary: 'Archive a storefront (it stays readable)',
    tag: 'Storefronts',
    auth: area('write'),
    params: IdParams,
    response: StorefrontSchema,
    errors: [404],
    async handler({ params }) {
      return presentStorefront(await tenant.archiveStorefront({ id: params.id }));
    },
  });
}
