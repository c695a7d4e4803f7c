import { createSecretBox, credentialsHint } from '../src/domain/secrets';

const KEY = '8f3c2a1b9d7e6f50413c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6';
const box = createSecretBox(KEY);
const CONTEXT = 'payment_provider/ten_1/env_1/sandbox';

describe('sealing credentials', () => {
  test('round-trips', () => {
    const plaintext = JSON.stringify({ apiKey: 'sk_test_123', webhookSecret: 'whsec_456' });
    expect(box.open(box.seal(plaintext, CONTEXT), CONTEXT)).toBe(plaintext);
  });

  test('gives a different sealed value each time (a fresh IV), without the plaintext in it', () => {
    const a = box.seal('secret-value-1234', CONTEXT);
    const b = box.seal('secret-value-1234', CONTEXT);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').toString('latin1')).not.toContain('secret-value');
  });

  test('stores iv, tag and ciphertext as base64', () => {
    const raw = Buffer.from(box.seal('abc', CONTEXT), 'base64');
    expect(raw.length).toBe(12 + 16 + 3);
  });

  test.each([
    ['a flipped ciphertext byte', (raw: Buffer) => raw[raw.length - 1]! ^ 1, -1],
    ['a flipped tag byte', (raw: Buffer) => raw[12]! ^ 1, 12],
    ['a flipped IV byte', (raw: Buffer) => raw[0]! ^ 1, 0],
  ])('detects tampering: %s', (_name, flip, index) => {
    const raw = Buffer.from(box.seal('{"apiKey":"sk_live_x"}', CONTEXT), 'base64');
    const at = index < 0 ? raw.length + index : index;
    raw[at] = flip(raw);
    expect(() => box.open(raw.toString('base64'), CONTEXT)).toThrow();
  });

  test('does not open on another row (the context is authenticated)', () => {
    const sealed = box.seal('secret', CONTEXT);
    expect(() => box.open(sealed, 'payment_provider/ten_2/env_1/sandbox')).toThrow();
  });

  test('does not open with another key', () => {
    const sealed = box.seal('secret', CONTEXT);
    const other = createSecretBox('00'.repeat(32));
    expect(() => other.open(sealed, CONTEXT)).toThrow();
  });

  test('refuses a key of the wrong size', () => {
    expect(() => createSecretBox('abcd')).toThrow(/32 bytes/);
  });
});

describe('the hint of credentials', () => {
  test('shows the last 4 characters of the longest string value', () => {
    expect(credentialsHint({ accountId: 'acct_1', apiKey: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc' })).toBe('••••p7dc');
  });

  test('shows nothing of a short secret', () => {
    expect(credentialsHint({ pin: '1234' })).toBe('••••');
  });

  test('is absent when there is no string to hint at', () => {
    expect(credentialsHint({ retries: 3 })).toBeUndefined();
  });
});
