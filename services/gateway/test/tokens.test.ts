import { SignJWT, UnsecuredJWT } from 'jose';
import { TokenIssuer } from '../src/auth/tokens';

const secret = 'x'.repeat(40);
const issuer = new TokenIssuer(secret, 900);
const key = new TextEncoder().encode(secret);

test('a token it issued verifies to its subject, with an id of its own and its expiry', async () => {
  const before = Date.now();
  const first = await issuer.verify(await issuer.issue('usr_1'));
  const second = await issuer.verify(await issuer.issue('usr_1', 3600));
  expect(first?.userId).toBe('usr_1');
  expect(first?.tokenId).not.toEqual(second?.tokenId);
  expect(first!.expiresAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 900_000);
  expect(first!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 900_000);
  expect(second!.expiresAt.getTime() - first!.expiresAt.getTime()).toBeGreaterThan(2_600_000);
});

test('a token without an id (issued before sign-out existed) is refused', async () => {
  const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('usr_1').setIssuer('azotte').setAudience('azotte-api').setExpirationTime('1h').sign(key);
  expect(await issuer.verify(token)).toBeUndefined();
});

test('an unsigned (alg: none) token is refused', async () => {
  const token = new UnsecuredJWT({}).setSubject('usr_1').setIssuer('azotte').setAudience('azotte-api').encode();
  expect(await issuer.verify(token)).toBeUndefined();
});

test.each([
  ['another issuer', { iss: 'evil', aud: 'azotte-api' }],
  ['another audience', { iss: 'azotte', aud: 'elsewhere' }],
])('a token for %s is refused', async (_name, { iss, aud }) => {
  const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('usr_1').setIssuer(iss).setAudience(aud).setExpirationTime('1h').sign(key);
  expect(await issuer.verify(token)).toBeUndefined();
});

test('an expired token is refused', async () => {
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('usr_1')
    .setIssuer('azotte')
    .setAudience('azotte-api')
    .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
    .sign(key);
  expect(await issuer.verify(token)).toBeUndefined();
});

test('a token signed with another key is refused', async () => {
  const other = new TokenIssuer('y'.repeat(40), 900);
  expect(await issuer.verify(await other.issue('usr_1'))).toBeUndefined();
});
