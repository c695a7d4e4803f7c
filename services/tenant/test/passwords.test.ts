import { hashPassword, verifyPassword } from '../src/domain/passwords';

describe('passwords', () => {
  test('are hashed with argon2id and a salt, never kept in clear', async () => {
    const a = await hashPassword('correct-horse-battery');
    const b = await hashPassword('correct-horse-battery');
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct-horse-battery');
  });

  test('verify against their hash', async () => {
    const stored = await hashPassword('correct-horse-battery');
    expect(await verifyPassword(stored, 'correct-horse-battery')).toBe(true);
    expect(await verifyPassword(stored, 'Correct-horse-battery')).toBe(false);
  });

  test('never verify for an unknown user, though the work is done all the same', async () => {
    expect(await verifyPassword(undefined, 'anything-at-all')).toBe(false);
  });

  test('do not verify against a malformed hash', async () => {
    expect(await verifyPassword('not-a-hash', 'anything-at-all')).toBe(false);
  });
});
