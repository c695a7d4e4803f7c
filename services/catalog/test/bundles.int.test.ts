import { aBundle } from './support/builders';
import { failureOf, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('bundles');
});
afterAll(async () => {
  await h?.close();
});

test('a bundle is created active, with entitlements of every kind of value', async () => {
  const t = await h.newTenant();
  const bundle = await h.client.createBundle(aBundle(), { context: t.admin });
  expect(bundle).toMatchObject({
    id: expect.stringMatching(/^bun_/),
    name: 'Premium',
    description: 'Everything, in 4K',
    status: 'active',
    entitlements: [
      { key: 'hd', value: true },
      { key: 'max_streams', value: 4 },
      { key: 'quality', value: '4k' },
    ],
    environmentId: t.tenant.environments.find((e) => e.name === 'production')!.id,
  });
  expect(bundle.archivedAt).toBeUndefined();
  expect(await h.client.getBundle({ id: bundle.id }, { context: t.admin })).toEqual(bundle);
});

test('a bundle may be created as a draft, and made active later', async () => {
  const t = await h.newTenant();
  const draft = await h.client.createBundle(aBundle({ status: 'draft' }), { context: t.admin });
  expect(draft.status).toBe('draft');
  const active = await h.client.updateBundle({ id: draft.id, status: 'active', entitlements: [], replaceEntitlements: false }, { context: t.admin });
  expect(active.status).toBe('active');
  expect(active.entitlements).toEqual(draft.entitlements);
});

test('validation reports every bad field at once, with its path', async () => {
  const t = await h.newTenant();
  const failure = await failureOf(
    h.client.createBundle(
      {
        name: ' ',
        description: 'x'.repeat(1001),
        status: 'archived',
        entitlements: [
          { key: 'Max Streams', value: 1 },
          { key: 'ok', value: null },
          { key: 'ok', value: { nested: true } },
          { key: 'list', value: [1, 2] },
          { key: 'long', value: 'x'.repeat(501) },
          { key: 'missing', value: undefined },
        ],
      },
      { context: t.admin },
    ),
  );
  expect(failure.kind).toBe('invalid_argument');
  expect(failure.fields.map((f) => f.path).sort()).toEqual(
    [
      'name',
      'description',
      'status',
      'entitlements.0.key',
      'entitlements.1.value',
      'entitlements.2.key',
      'entitlements.2.value',
      'entitlements.3.value',
      'entitlements.4.value',
      'entitlements.5.value',
    ].sort(),
  );
  expect(failure.fields.find((f) => f.path === 'entitlements.2.key')!.message).toBe('is listed twice');
  expect(failure.fields.find((f) => f.path === 'entitlements.1.value')!.message).toBe('must be a boolean, a number or a string');
});

test('an update replaces the fields given; entitlements are replaced whole, and an empty description removes it', async () => {
  const t = await h.newTenant();
  const created = await h.client.createBundle(aBundle(), { context: t.admin });
  const updated = await h.client.updateBundle(
    { id: created.id, name: 'Premium+', description: '', entitlements: [{ key: 'max_streams', value: 6 }], replaceEntitlements: true, status: '' },
    { context: t.admin },
  );
  expect(updated).toMatchObject({ name: 'Premium+', entitlements: [{ key: 'max_streams', value: 6 }], status: 'active' });
  expect(updated.description).toBeUndefined();
  expect(updated.updatedAt! >= created.updatedAt!).toBe(true);

  const failure = await failureOf(
    h.client.updateBundle(
      { id: created.id, entitlements: [{ key: 'a', value: 1 }, { key: 'a', value: 2 }], replaceEntitlements: true, status: '' },
      { context: t.admin },
    ),
  );
  expect(failure.fields).toEqual([{ path: 'entitlements.1.key', message: 'is listed twice' }]);
});

test('an active bundle does not go back to draft, and an archived one does not change at all', async () => {
  const t = await h.newTenant();
  const bundle = await h.client.createBundle(aBundle(), { context: t.admin });
  expect(
    await failureOf(h.client.updateBundle({ id: bundle.id, status: 'draft', entitlements: [], replaceEntitlements: false }, { context: t.admin })),
  ).toMatchObject({ kind: 'conflict', code: 'bundle_already_active' });

  const archived = await h.client.archiveBundle({ id: bundle.id }, { context: t.admin });
  expect(archived).toMatchObject({ status: 'archived', archivedAt: expect.any(String) });
  expect(await h.client.archiveBundle({ id: bundle.id }, { context: t.admin })).toEqual(archived);
  expect(await h.client.getBundle({ id: bundle.id }, { context: t.admin })).toEqual(archived);
  expect(
    await failureOf(h.client.updateBundle({ id: bundle.id, name: 'Again', entitlements: [], replaceEntitlements: false, status: '' }, { context: t.admin })),
  ).toMatchObject({ kind: 'conflict', code: 'bundle_archived' });
});

test('lists are newest first, paginated, and filtered by status', async () => {
  const t = await h.newTenant();
  const a = await h.client.createBundle(aBundle({ name: 'A' }), { context: t.admin });
  const b = await h.client.createBundle(aBundle({ name: 'B', status: 'draft' }), { context: t.admin });
  const c = await h.client.createBundle(aBundle({ name: 'C' }), { context: t.admin });
  await h.client.archiveBundle({ id: a.id }, { context: t.admin });

  const page1 = await h.client.listBundles({ page: { limit: 2, cursor: '' }, status: '' }, { context: t.admin });
  expect(page1.data.map((x) => x.id)).toEqual([c.id, b.id]);
  const page2 = await h.client.listBundles({ page: { limit: 2, cursor: page1.nextCursor }, status: '' }, { context: t.admin });
  expect(page2.data.map((x) => [x.id, x.status])).toEqual([[a.id, 'archived']]);
  expect(page2.nextCursor).toBe('');

  const drafts = await h.client.listBundles({ status: 'draft' }, { context: t.admin });
  expect(drafts.data.map((x) => x.id)).toEqual([b.id]);
  expect(await failureOf(h.client.listBundles({ status: 'gone' }, { context: t.admin }))).toMatchObject({
    kind: 'invalid_argument',
    fields: [{ path: 'status', message: 'must be draft, active or archived' }],
  });
});

test('a bundle of another environment or another tenant is not found', async () => {
  const t = await h.newTenant();
  const other = await h.newTenant();
  const inSandbox = await h.client.createBundle(aBundle(), { context: t.adminInSandbox });
  const theirs = await h.client.createBundle(aBundle(), { context: other.admin });
  for (const id of [inSandbox.id, theirs.id]) {
    for (const call of [
      h.client.getBundle({ id }, { context: t.admin }),
      h.client.archiveBundle({ id }, { context: t.admin }),
      h.client.updateBundle({ id, name: 'x', entitlements: [], replaceEntitlements: false, status: '' }, { context: t.admin }),
      h.client.listPrices({ bundleId: id, status: '' }, { context: t.admin }),
    ]) {
      expect(await failureOf(call)).toMatchObject({ kind: 'not_found', code: 'bundle_not_found' });
    }
  }
  expect((await h.client.listBundles({ status: '' }, { context: t.admin })).data).toEqual([]);
  expect((await h.client.getBundle({ id: inSandbox.id }, { context: t.adminInSandbox })).id).toBe(inSandbox.id);
});

test('operators, viewers and other services read bundles; only administrators and managers change them', async () => {
  const t = await h.newTenant();
  const bundle = await h.client.createBundle(aBundle(), { context: t.as('manager') });
  for (const reader of ['operator', 'viewer', 'system'] as const) {
    expect((await h.client.getBundle({ id: bundle.id }, { context: t.as(reader) })).id).toBe(bundle.id);
    expect(await failureOf(h.client.createBundle(aBundle(), { context: t.as(reader) }))).toMatchObject({ kind: 'permission_denied' });
    expect(await failureOf(h.client.archiveBundle({ id: bundle.id }, { context: t.as(reader) }))).toMatchObject({
      kind: 'permission_denied',
    });
  }
});

test('a call without a scope is refused, never served unscoped', async () => {
  expect(await failureOf(h.client.listBundles({ status: '' }, { context: { actor: { type: 'system', id: 'x', role: 'system' } } }))).toMatchObject({
    kind: 'unauthenticated',
  });
});
