import { z } from 'zod';
import type { Schema } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { entitlementRowsSchema, entitlementsToRows, rowsToEntitlements, type EntitlementRow } from './entitlements';

type Bundle = Schema<'Bundle'>;

export interface BundleFormValues {
  name: string;
  description: string;
  status: 'draft' | 'active';
  entitlements: EntitlementRow[];
}

export const BUNDLE_FIELDS = ['name', 'description', 'status', 'entitlements'] as const;

const v = t.catalog.validation;

export const bundleFormSchema = z.object({
  name: z.string().trim().min(1, v.required).max(200, v.maxLength(200)),
  description: z.string().max(1000, v.maxLength(1000)),
  status: z.enum(['draft', 'active']),
  entitlements: entitlementRowsSchema,
});

export const newBundleForm = (): BundleFormValues => ({ name: '', description: '', status: 'active', entitlements: [] });

export const bundleToForm = (bundle: Bundle): BundleFormValues => ({
  name: bundle.name,
  description: bundle.description ?? '',
  // An archived bundle shows as it was last sold; its form is read-only anyway.
  status: bundle.status === 'draft' ? 'draft' : 'active',
  entitlements: entitlementsToRows(bundle.entitlements),
});

export function toCreateBundleBody(values: BundleFormValues): Schema<'CreateBundleRequest'> {
  const description = values.description.trim();
  return {
    name: values.name.trim(),
    ...(description ? { description } : {}),
    status: values.status,
    entitlements: rowsToEntitlements(values.entitlements),
  };
}

/** A PATCH of everything the form holds; the status only when a draft is made active (the one move the API allows). */
export function toUpdateBundleBody(values: BundleFormValues, bundle: Bundle): Schema<'UpdateBundleRequest'> {
  const description = values.description.trim();
  return {
    name: values.name.trim(),
    description: description === '' ? null : description,
    entitlements: rowsToEntitlements(values.entitlements),
    ...(bundle.status === 'draft' && values.status === 'active' ? { status: 'active' as const } : {}),
  };
}
