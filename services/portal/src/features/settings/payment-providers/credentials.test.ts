import { describe, expect, it } from 'vitest';
import { credentialApiErrors, credentialRowsSchema, rowsToCredentials } from './credentials';

describe('payment provider credentials', () => {
  it('sends nothing when every row is empty, so the stored credentials stay', () => {
    expect(rowsToCredentials([])).toBeUndefined();
    expect(rowsToCredentials([{ key: ' ', value: '' }])).toBeUndefined();
  });

  it('sends the secrets exactly as typed, keyed by their trimmed names', () => {
    expect(rowsToCredentials([{ key: ' apiKey ', value: ' sk_live_1 ' }, { key: '', value: '' }])).toEqual({ apiKey: ' sk_live_1 ' });
  });

  it('asks for a name and a value, once per name', () => {
    const result = credentialRowsSchema.safeParse([
      { key: 'apiKey', value: 'a' },
      { key: 'apiKey', value: 'b' },
      { key: '', value: 'c' },
      { key: 'accountId', value: '' },
    ]);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      '1.key: apiKey is given twice',
      '2.key: is required',
      '3.value: is required',
    ]);
  });

  it('puts an error the API names by credential on that row', () => {
    const { rename } = credentialApiErrors([{ key: 'apiKey', value: 'x' }]);
    expect(rename('credentials.apiKey')).toBe('credentials.0.value');
    expect(rename('enabled')).toBe('enabled');
  });
});
