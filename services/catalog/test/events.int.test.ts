import { EVENTS } from '@azotte/proto';
import { aBundle, aPrice } from './support/builders';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('events');
});
afterAll(async () => {
  await h?.close();
});

const outboxRows = async (objectId: string) =>
  (await h.db('outbox').select('routing_key', 'payload').orderBy([{ column: 'created_at' }, { column: 'id' }])).filter(
    (row: { payload: { bundle?: { id: string }; price?: { id: string } } }) =>
      row.payload.bundle?.id === objectId || row.payload.price?.id === objectId,
  );

test('every change of a bundle reaches the bus, with its scope and the bundle after the change', async () => {
  const t = await h.newTenant();
  const created = await h.client.createBundle(aBundle(), { context: t.admin });
  const updated = await h.client.updateBundle(
    { id: created.id, name: 'Premium+', entitlements: [], replaceEntitlements: false, status: '' },
    { context: t.admin },
  );
  const archived = await h.client.archiveBundle({ id: created.id }, { context: t.admin });

  const [onCreate] = await h.eventsAbout(EVENTS.catalog.bundleCreated, created.id);
  expect(onCreate).toMatchObject({
    tenantId: t.tenant.id,
    environmentId: t.admin.scope!.environmentId,
    payload: { bundle: { id: created.id, name: 'Premium', status: 'active', entitlements: created.entitlements } },
  });
  expect((await h.eventsAbout(EVENTS.catalog.bundleUpdated, created.id))[0]!.payload.bundle).toMatchObject({
    name: 'Premium+',
    updatedAt: updated.updatedAt,
  });
  expect((await h.eventsAbout(EVENTS.catalog.bundleArchived, created.id))[0]!.payload.bundle).toMatchObject({
    status: 'archived',
    archivedAt: archived.archivedAt,
  });
});

test('creating and archiving a price reach the bus', async () => {
  const t = await h.newTenant();
  const bundle = await h.client.createBundle(aBundle(), { context: t.adminInSandbox });
  const price = await h.client.createPrice(aPrice(bundle.id, { setupFee: 100 }), { context: t.adminInSandbox });
  await h.client.archivePrice({ id: price.id }, { context: t.adminInSandbox });

  const [onCreate] = await h.eventsAbout(EVENTS.catalog.priceCreated, price.id);
  expect(onCreate).toMatchObject({
    tenantId: t.tenant.id,
    environmentId: t.adminInSandbox.scope!.environmentId,
    // The proto JSON form: int64 amounts are numbers (ts-proto forceLong=number).
    payload: { price: { id: price.id, bundleId: bundle.id, amount: 999, setupFee: 100, currency: 'EUR', status: 'active' } },
  });
  expect((await h.eventsAbout(EVENTS.catalog.priceArchived, price.id))[0]!.payload.price).toMatchObject({ status: 'archived' });
});

test('a change that changes nothing writes no event', async () => {
  const t = await h.newTenant();
  const bundle = await h.client.createBundle(aBundle(), { context: t.admin });
  const price = await h.client.createPrice(aPrice(bundle.id), { context: t.admin });
  await h.client.updateBundle(
    { id: bundle.id, name: bundle.name, entitlements: bundle.entitlements, replaceEntitlements: true, status: 'active' },
    { context: t.admin },
  );
  await h.client.archiveBundle({ id: bundle.id }, { context: t.admin });
  await h.client.archiveBundle({ id: bundle.id }, { context: t.admin });
  await h.client.archivePrice({ id: price.id }, { context: t.admin });
  await h.client.archivePrice({ id: price.id }, { context: t.admin });

  expect((await outboxRows(bundle.id)).map((r: { routing_key: string }) => r.routing_key)).toEqual([
    EVENTS.catalog.bundleCreated,
    EVENTS.catalog.bundleArchived,
  ]);
  expect((await outboxRows(price.id)).map((r: { routing_key: string }) => r.routing_key)).toEqual([
    EVENTS.catalog.priceCreated,
    EVENTS.catalog.priceArchived,
  ]);
});

test('a refused change writes no event', async () => {
  const t = await h.newTenant();
  const before = (await h.db('outbox').count<{ count: string }[]>('* as count'))[0]!.count;
  await h.client.createBundle(aBundle({ name: '' }), { context: t.admin }).catch(() => undefined);
  await h.client.createPrice(aPrice('bun_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'), { context: t.admin }).catch(() => undefined);
  expect((await h.db('outbox').count<{ count: string }[]>('* as count'))[0]!.count).toBe(before);
});
