import { describe, expect, it } from 'vitest';
import { auditQuery, EMPTY_FILTERS, filtersFromSearch, filtersSchema, filtersToSearch, hasFilters } from './filters';

const localMidnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();

describe('audit-log filters → query parameters', () => {
  it('sends no parameter for no filter', () => {
    expect(auditQuery(EMPTY_FILTERS)).toEqual({});
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
  });

  it('sends each text filter, trimmed, under the API’s own name', () => {
    expect(
      auditQuery({
        ...EMPTY_FILTERS,
        actorId: ' usr_01ABC ',
        action: 'tenant.user.created.v1',
        objectType: 'api_key',
        objectId: 'key_01XYZ',
        environmentId: 'env_01PROD',
      }),
    ).toEqual({ actorId: 'usr_01ABC', action: 'tenant.user.created.v1', objectType: 'api_key', objectId: 'key_01XYZ', environmentId: 'env_01PROD' });
  });

  it('turns days into instants of the person’s own day, To including its whole day', () => {
    expect(auditQuery({ ...EMPTY_FILTERS, from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: localMidnight(2026, 3, 1),
      to: localMidnight(2026, 4, 1),
    });
    // Across a year's end.
    expect(auditQuery({ ...EMPTY_FILTERS, to: '2026-12-31' }).to).toBe(localMidnight(2027, 1, 1));
  });

  it('leaves out blank texts', () => {
    expect(auditQuery({ ...EMPTY_FILTERS, actorId: '   ', objectId: '' })).toEqual({});
  });
});

describe('audit-log filters ↔ the page’s URL', () => {
  it('keeps only the filters that are set, and reads them back', () => {
    const filters = { ...EMPTY_FILTERS, action: 'tenant.api_key.revoked.v1', from: '2026-03-01' };
    const search = filtersToSearch(filters);
    expect(search).toEqual({ action: 'tenant.api_key.revoked.v1', from: '2026-03-01' });
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual(filters);
  });

  it('ignores a date that is not a day', () => {
    expect(filtersFromSearch(new URLSearchParams({ from: 'yesterday', to: '2026-3-1' }))).toEqual(EMPTY_FILTERS);
  });
});

describe('audit-log filter form checks', () => {
  it('refuses From after To, beside From', () => {
    const result = filtersSchema.safeParse({ ...EMPTY_FILTERS, from: '2026-04-02', to: '2026-04-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['from']);
    expect(filtersSchema.safeParse({ ...EMPTY_FILTERS, from: '2026-04-01', to: '2026-04-01' }).success).toBe(true);
  });
});
