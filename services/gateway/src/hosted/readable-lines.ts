import { isDomainError } from '@azotte/common';
import type { Clients } from '../clients';

const CATALOG_ID = /\b(bun|price)_[0-9A-Za-z]{10,40}\b/g;

/**
 * Invoice line descriptions as a customer reads them: billing writes the
 * catalog's ids (`1 × bun_… (1 month)`, `Unused time on price_…`), which mean
 * nothing on a customer's invoice; each becomes its bundle's name. An id the
 * catalog no longer knows stays as it is.
 */
export async function readableLines<L extends { description: string }>(clients: Clients, lines: L[]): Promise<L[]> {
  const ids = new Set(lines.flatMap((l) => l.description.match(CATALOG_ID) ?? []));
  const names = new Map<string, string>();
  await Promise.all(
    [...ids].map(async (id) => {
      try {
        const bundleId = id.startsWith('price_') ? (await clients.catalog.getPrice({ id })).bundleId : id;
        names.set(id, (await clients.catalog.getBundle({ id: bundleId })).name);
      } catch (err) {
        if (!(isDomainError(err) && err.kind === 'not_found')) throw err;
      }
    }),
  );
  return lines.map((l) => ({ ...l, description: l.description.replace(CATALOG_ID, (id) => names.get(id) ?? id) }));
}
