import { PrincipalCache } from '../src/auth/principal-cache';
import type { Principal } from '../src/auth/principal';

const principal = (actorId: string): Principal => ({
  actor: { type: 'api_key', id: actorId, role: 'manager' },
  role: 'manager',
  platformAdmin: false,
  tenantId: 'ten_1',
  credential: 'api_key',
});

function cache() {
  let now = 0;
  const c = new PrincipalCache(1_000, 3, () => now);
  c.setLive(true);
  return { c, tick: (ms: number) => (now += ms) };
}

test('serves a principal until its time is up', () => {
  const { c, tick } = cache();
  c.set('k1', principal('key_1'));
  expect(c.get('k1')?.actor.id).toBe('key_1');
  tick(1_000);
  expect(c.get('k1')).toBeUndefined();
});

test('forgets every entry of an actor when it is evicted', () => {
  const { c } = cache();
  c.set('k1|production', principal('key_1'));
  c.set('k1|sandbox', principal('key_1'));
  c.set('k2', principal('key_2'));
  c.evictActor('key_1');
  expect(c.get('k1|production')).toBeUndefined();
  expect(c.get('k1|sandbox')).toBeUndefined();
  expect(c.get('k2')?.actor.id).toBe('key_2');
});

test('is not used while the revocation feed is down, and forgets what it held', () => {
  const { c } = cache();
  c.set('k1', principal('key_1'));
  c.setLive(false);
  expect(c.get('k1')).toBeUndefined();
  c.set('k2', principal('key_2'));
  c.setLive(true);
  expect(c.get('k1')).toBeUndefined();
  expect(c.get('k2')).toBeUndefined();
});

test('stays bounded', () => {
  const { c } = cache();
  for (let i = 0; i < 10; i++) c.set(`k${i}`, principal(`key_${i}`));
  expect(c.get('k9')?.actor.id).toBe('key_9');
  expect(c.get('k0')).toBeUndefined();
});
