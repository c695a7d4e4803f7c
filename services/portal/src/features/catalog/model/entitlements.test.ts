import { describe, expect, it } from 'vitest';
import { entitlementRowsSchema, entitlementsToRows, rowsToEntitlements } from './entitlements';

describe('entitlement rows', () => {
  it('become typed values: a boolean, a number and a string', () => {
    expect(
      rowsToEntitlements([
        { key: 'hd_streaming', type: 'boolean', value: 'true' },
        { key: 'offline', type: 'boolean', value: 'false' },
        { key: 'max_streams', type: 'number', value: ' 4 ' },
        { key: 'storage_gb', type: 'number', value: '2.5' },
        { key: 'quality', type: 'string', value: '4K' },
        { key: 'code', type: 'string', value: '42' },
      ]),
    ).toEqual([
      { key: 'hd_streaming', value: true },
      { key: 'offline', value: false },
      { key: 'max_streams', value: 4 },
      { key: 'storage_gb', value: 2.5 },
      { key: 'quality', value: '4K' },
      { key: 'code', value: '42' },
    ]);
  });

  it('come back from the API with the type their value has', () => {
    expect(entitlementsToRows([{ key: 'a', value: true }, { key: 'b', value: 10 }, { key: 'c', value: '10' }])).toEqual([
      { key: 'a', type: 'boolean', value: 'true' },
      { key: 'b', type: 'number', value: '10' },
      { key: 'c', type: 'string', value: '10' },
    ]);
  });

  it('are checked as the API checks them: key form, unique keys, a number that is one', () => {
    const result = entitlementRowsSchema.safeParse([
      { key: 'Max Streams', type: 'number', value: '4' },
      { key: 'seats', type: 'number', value: 'four' },
      { key: 'seats', type: 'string', value: 'x' },
    ]);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['0.key', expect.stringContaining('lower-case letter')],
      ['1.value', 'must be a number, such as 4 or 2.5'],
      ['2.key', 'is used by another entitlement'],
    ]);
  });
});
