import { createHash } from 'node:crypto';
import { API_KEY_SHAPE, apiKeyHint, generateApiKey, hashApiKey } from '../src/domain/api-key-secret';

describe('an API key', () => {
  test('of a production environment is a live key of 32 base62 characters', () => {
    expect(generateApiKey('production')).toMatch(/^azk_live_[0-9A-Za-z]{32}$/);
  });

  test('of a sandbox environment is a test key', () => {
    expect(generateApiKey('sandbox')).toMatch(/^azk_test_[0-9A-Za-z]{32}$/);
  });

  test('is never the same twice', () => {
    const keys = new Set(Array.from({ length: 2_000 }, () => generateApiKey('production')));
    expect(keys.size).toBe(2_000);
  });

  test('uses the whole alphabet', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateApiKey('sandbox').slice(9)).join(''));
    expect(seen.size).toBe(62);
  });

  test('has the shape Authenticate checks before any lookup', () => {
    expect(API_KEY_SHAPE.test(generateApiKey('production'))).toBe(true);
    expect(API_KEY_SHAPE.test('azk_live_short')).toBe(false);
    expect(API_KEY_SHAPE.test('sk_live_00000000000000000000000000000000')).toBe(false);
  });
});

describe('what is stored of a key', () => {
  test('is the sha256 of the key in hex, not the key', () => {
    const key = generateApiKey('production');
    expect(hashApiKey(key)).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).not.toContain(key.slice(9));
  });

  test('and its hint is the first 12 and the last 4 characters', () => {
    const key = 'azk_live_AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    expect(apiKeyHint(key)).toBe('azk_live_AbC…2345');
  });
});
