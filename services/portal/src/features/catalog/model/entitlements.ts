import { z } from 'zod';
import type { Schema } from '../../../lib/api';
import { t } from '../../../lib/i18n';

export type Entitlement = Schema<'Entitlement'>;
export const ENTITLEMENT_TYPES = ['boolean', 'number', 'string'] as const;
export type EntitlementType = (typeof ENTITLEMENT_TYPES)[number];

/**
 * One row of the entitlements editor. The value is kept as the text the
 * control shows ('true' / 'false' for a boolean), and becomes the API's typed
 * value only when the bundle is sent, so that switching a row's type never
 * loses what was typed.
 */
export interface EntitlementRow {
  key: string;
  type: EntitlementType;
  value: string;
}

/** The API's own rule for keys (catalog-schemas.ts): lower-case, starting with a letter. */
export const ENTITLEMENT_KEY = /^[a-z][a-z0-9_.:-]{0,63}$/;
const NUMBER_TEXT = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

export const typeOfValue = (value: Entitlement['value']): EntitlementType =>
  typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';

/** What a row's value control starts with when the type is chosen. */
export const initialValueFor = (type: EntitlementType): string => (type === 'boolean' ? 'true' : '');

export const emptyEntitlementRow = (): EntitlementRow => ({ key: '', type: 'boolean', value: 'true' });

export function entitlementToRow(entitlement: Entitlement): EntitlementRow {
  return { key: entitlement.key, type: typeOfValue(entitlement.value), value: String(entitlement.value) };
}

/** A row as the API takes it: `true`, `4`, `"HD"` — typed, never the text of a number. */
export function rowToEntitlement(row: EntitlementRow): Entitlement {
  const key = row.key.trim();
  if (row.type === 'boolean') return { key, value: row.value === 'true' };
  if (row.type === 'number') return { key, value: Number(row.value.trim()) };
  return { key, value: row.value };
}

export const rowsToEntitlements = (rows: readonly EntitlementRow[]): Entitlement[] => rows.map(rowToEntitlement);
export const entitlementsToRows = (entitlements: readonly Entitlement[]): EntitlementRow[] => entitlements.map(entitlementToRow);

const v = t.catalog.validation;

/** The browser's cheap checks of the rows: the same rules the API applies, reported beside each field. */
export const entitlementRowsSchema = z
  .array(
    z
      .object({
        key: z.string().trim().min(1, v.required).regex(ENTITLEMENT_KEY, v.entitlementKey),
        type: z.enum(ENTITLEMENT_TYPES),
        value: z.string(),
      })
      .superRefine((row, ctx) => {
        if (row.type === 'number' && (!NUMBER_TEXT.test(row.value.trim()) || !Number.isFinite(Number(row.value.trim())))) {
          ctx.addIssue({ code: 'custom', path: ['value'], message: v.entitlementNumber });
        }
        if (row.type === 'string' && row.value.length > 500) ctx.addIssue({ code: 'custom', path: ['value'], message: v.entitlementString });
        if (row.type === 'boolean' && row.value !== 'true' && row.value !== 'false') {
          ctx.addIssue({ code: 'custom', path: ['value'], message: v.entitlementBoolean });
        }
      }),
  )
  .max(100, v.entitlementsMax)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const key = row.key.trim();
      if (key && seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: v.duplicateKey });
      seen.add(key);
    });
  });
