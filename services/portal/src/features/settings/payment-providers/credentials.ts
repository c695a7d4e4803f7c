import { z } from 'zod';
import { t } from '../../../lib/i18n';

/**
 * A provider's credentials as typed: rows of name + secret, sent as the map
 * PUT /payment-providers/{provider} takes. They are write-only: the form
 * starts empty every time and nothing typed is ever shown back.
 */
export interface CredentialRow {
  key: string;
  value: string;
}

const isBlank = (row: CredentialRow) => row.key.trim() === '' && row.value === '';

/** The map to send, or undefined when every row is empty (the stored credentials are kept). */
export function rowsToCredentials(rows: readonly CredentialRow[]): Record<string, string> | undefined {
  const filled = rows.filter((row) => !isBlank(row));
  if (filled.length === 0) return undefined;
  // The secret goes as typed: a leading or trailing space may belong to it.
  return Object.fromEntries(filled.map((row) => [row.key.trim(), row.value]));
}

export const credentialRowsSchema = z.array(z.object({ key: z.string(), value: z.string().max(4096) })).superRefine((rows, ctx) => {
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    const key = row.key.trim();
    if (key === '') ctx.addIssue({ code: 'custom', path: [index, 'key'], message: t.settings.providers.errors.key });
    else if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'key'], message: t.settings.providers.errors.duplicate(key) });
    seen.add(key);
    if (row.value === '') ctx.addIssue({ code: 'custom', path: [index, 'value'], message: t.settings.providers.errors.value });
  });
});

/** The API names a credential by its key (`credentials.apiKey`); the form by row (`credentials.0.value`). */
export function credentialApiErrors(rows: readonly CredentialRow[]) {
  const rename = (path: string) => {
    if (!path.startsWith('credentials.')) return path;
    const index = rows.findIndex((row) => row.key.trim() === path.slice('credentials.'.length));
    return index === -1 ? path : `credentials.${index}.value`;
  };
  return { rename, fields: ['enabled', ...rows.map((_, index) => `credentials.${index}`)] };
}
