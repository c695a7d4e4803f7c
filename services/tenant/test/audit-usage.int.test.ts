import amqp from 'amqplib';
import { SYSTEM_ACTOR } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { publishEvent, testServers, waitFor } from '@azotte/common/testing';
import { anAuditLogQuery, aStorefront, aUser } from './support/builders';
import { failureOf, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('audit_usage');
});
afterAll(async () => {
  await h?.close();
});

/** Publishes an event as another service would. */
async function publishForeignEvent(type: string, tenantId: string, payload: object, occurredAt: string) {
  const conn = await amqp.connect(testServers().amqpUrl);
  const ch = await conn.createConfirmChannel();
  await publishEvent(ch, h.config.AMQP_EXCHANGE, { type, payload, tenantId, occurredAt });
  await conn.close();
}

describe('the audit log', () => {
  test('records a user creation with the acting administrator as actor', async () => {
    const { admin, adminUser } = await h.newTenant();
    const grace = await h.client.createUser(aUser(), { context: admin });

    const entry = await waitFor(
      async () => (await h.client.listAuditLog(anAuditLogQuery(), { context: admin })).data.find((e) => e.objectId === grace.id),
      { what: 'the audit entry of the user creation' },
    );
    expect(entry).toMatchObject({
      actorType: 'user',
      actorId: adminUser.id,
      action: 'tenant.user.created.v1',
      objectType: 'user',
      objectId: grace.id,
      environmentId: '',
    });
    expect(entry.id).toMatch(/^aud_/);
    expect(Date.parse(entry.at!)).not.toBeNaN();
  });

  test("records the tenant's creation by the platform administrator, newest entries first", async () => {
    const { admin, tenant } = await h.newTenant();
    const storefront = await h.client.createStorefront(aStorefront(), { context: admin });
    const platformAdmin = await h.asPlatformAdmin();

    const log = await waitFor(
      async () => {
        const { data } = await h.client.listAuditLog(anAuditLogQuery(), { context: admin });
        return data.length === 5 ? data : undefined;
      },
      { what: 'five audit entries' },
    );
    // In the order the changes were made, newest first.
    expect(log.map((e) => e.action)).toEqual([
      'tenant.storefront.created.v1',
      'tenant.user.created.v1',
      'tenant.environment.created.v1',
      'tenant.environment.created.v1',
      'tenant.tenant.created.v1',
    ]);
    expect(log[0]).toMatchObject({ objectType: 'storefront', objectId: storefront.id, environmentId: storefront.environmentId });
    const created = log.find((e) => e.action === 'tenant.tenant.created.v1');
    expect(created).toMatchObject({ actorId: platformAdmin.actor.id, objectType: 'tenant', objectId: tenant.id });
    expect(log.filter((e) => e.action === 'tenant.environment.created.v1').map((e) => e.objectId).sort()).toEqual(
      tenant.environments.map((e) => e.id).sort(),
    );
  });

  test("never shows another tenant's entries, and is for administrators only", async () => {
    const mine = await h.newTenant();
    const other = await h.newTenant();
    await h.client.createUser(aUser(), { context: other.admin });
    await waitFor(async () => (await h.client.listAuditLog(anAuditLogQuery(), { context: other.admin })).data.length >= 5);
    const log = (await h.client.listAuditLog(anAuditLogQuery(), { context: mine.admin })).data;
    const otherIds = new Set([other.tenant.id, other.adminUser.id, ...other.tenant.environments.map((e) => e.id)]);
    expect(log.filter((e) => otherIds.has(e.objectId))).toEqual([]);

    const viewer = await h.client.createUser(aUser({ role: 'viewer' }), { context: mine.admin });
    expect(await failureOf(h.client.listAuditLog(anAuditLogQuery(), { context: await h.signIn(viewer.id) }))).toMatchObject({
      kind: 'permission_denied',
    });
  });
});

describe('the audit log, filtered', () => {
  test('narrows to an actor, an action, an object, a kind of object in an environment, every filter together', async () => {
    const { admin, adminInSandbox, adminUser, environment } = await h.newTenant();
    const grace = await h.client.createUser(aUser(), { context: admin });
    const shop = await h.client.createStorefront(aStorefront(), { context: admin });
    const sandboxShop = await h.client.createStorefront(aStorefront(), { context: adminInSandbox });
    await waitFor(async () => (await h.client.listAuditLog(anAuditLogQuery(), { context: admin })).data.length === 7, { what: 'seven audit entries' });
    const objects = async (filter: Partial<tenantV1.ListAuditLogRequest>) =>
      (await h.client.listAuditLog(anAuditLogQuery(filter), { context: admin })).data.map((e) => e.objectId);

    expect(await objects({ actorId: adminUser.id })).toEqual([sandboxShop.id, shop.id, grace.id]);
    expect(await objects({ action: 'tenant.storefront.created.v1' })).toEqual([sandboxShop.id, shop.id]);
    expect(await objects({ objectId: grace.id })).toEqual([grace.id]);
    expect(await objects({ objectType: 'storefront', environmentId: environment('sandbox').id })).toEqual([sandboxShop.id]);
    expect(await objects({ actorId: adminUser.id, action: 'tenant.user.created.v1', objectType: 'user', objectId: grace.id })).toEqual([grace.id]);
    expect(await objects({ actorId: adminUser.id, action: 'tenant.tenant.created.v1' })).toEqual([]);

    const page1 = await h.client.listAuditLog(anAuditLogQuery({ action: 'tenant.storefront.created.v1', page: { limit: 1, cursor: '' } }), { context: admin });
    expect(page1.data.map((e) => e.objectId)).toEqual([sandboxShop.id]);
    const page2 = await h.client.listAuditLog(
      anAuditLogQuery({ action: 'tenant.storefront.created.v1', page: { limit: 1, cursor: page1.nextCursor } }),
      { context: admin },
    );
    expect(page2.data.map((e) => e.objectId)).toEqual([shop.id]);
  });

  test('takes entries at or after from and strictly before to, by when they happened', async () => {
    const { admin, tenant } = await h.newTenant();
    const happened = ['2025-01-31T23:59:59.999Z', '2025-02-01T00:00:00.000Z', '2025-02-28T12:00:00.000Z', '2025-03-01T00:00:00.000Z'];
    for (const [i, at] of happened.entries()) {
      await publishForeignEvent('customer.customer.created.v1', tenant.id, { customer: { id: `cus_${i}` } }, at);
    }
    const inLog = async (filter: Partial<tenantV1.ListAuditLogRequest>) =>
      (await h.client.listAuditLog(anAuditLogQuery({ objectType: 'customer', ...filter }), { context: admin })).data.map((e) => e.at);
    await waitFor(async () => (await inLog({})).length === 4, { what: 'the four customer entries' });

    expect(await inLog({ from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z' })).toEqual([happened[2], happened[1]]);
    expect(await inLog({ from: '2025-02-28T12:00:00Z' })).toEqual([happened[3], happened[2]]);
    expect(await inLog({ to: '2025-02-01T00:00:00Z' })).toEqual([happened[0]]);
  });

  test('refuses a period that ends before it starts, and an overlong filter, naming the field', async () => {
    const { admin } = await h.newTenant();
    const backwards = anAuditLogQuery({ from: '2025-03-01T00:00:00Z', to: '2025-02-01T00:00:00Z' });
    expect(await failureOf(h.client.listAuditLog(backwards, { context: admin }))).toMatchObject({
      kind: 'invalid_argument',
      fields: [{ path: 'from', message: 'must be before to' }],
    });
    expect(await failureOf(h.client.listAuditLog(anAuditLogQuery({ objectId: 'x'.repeat(201) }), { context: admin }))).toMatchObject({
      kind: 'invalid_argument',
      fields: [{ path: 'objectId', message: 'must be at most 200 characters' }],
    });
  });
});

describe('usage', () => {
  test('counts the events of the tenant and the API calls the gateway reports', async () => {
    const { admin, tenant } = await h.newTenant();
    const month = new Date().toISOString().slice(0, 7);
    await h.client.recordApiCalls(
      { counts: [{ tenantId: tenant.id, month, calls: 40 }, { tenantId: tenant.id, month, calls: 2 }] },
      { context: { actor: SYSTEM_ACTOR } },
    );
    // The tenant's creation made four events: the tenant, two environments, its administrator.
    const usage = await waitFor(
      async () => {
        const u = await h.client.getUsage({ month: '' }, { context: admin });
        return u.events === 4 ? u : undefined;
      },
      { what: 'four events counted' },
    );
    expect(usage).toEqual({ tenantId: tenant.id, month, apiCalls: 42, events: 4, activeSubscriptions: 0, customers: 0 });
  });

  test('keeps customers and active subscriptions as of each month', async () => {
    const { admin, tenant } = await h.newTenant();
    const customer = (id: string) => ({ customer: { id } });
    const subscription = (id: string, status: string) => ({ subscription: { id, status } });

    await publishForeignEvent('customer.customer.created.v1', tenant.id, customer('cus_1'), '2025-01-10T10:00:00Z');
    await publishForeignEvent('customer.customer.created.v1', tenant.id, customer('cus_2'), '2025-03-02T10:00:00Z');
    await publishForeignEvent('billing.subscription.created.v1', tenant.id, subscription('sub_1', 'trialing'), '2025-01-11T00:00:00Z');
    await publishForeignEvent('billing.subscription.past_due.v1', tenant.id, subscription('sub_1', 'past_due'), '2025-02-11T00:00:00Z');
    await publishForeignEvent('billing.subscription.created.v1', tenant.id, subscription('sub_2', 'active'), '2025-03-05T00:00:00Z');
    await publishForeignEvent('billing.subscription.canceled.v1', tenant.id, subscription('sub_1', 'canceled'), '2025-03-20T00:00:00Z');
    await publishForeignEvent('customer.customer.erased.v1', tenant.id, customer('cus_1'), '2025-04-01T00:00:00Z');
    // The same removal reported twice counts once.
    await publishForeignEvent('customer.customer.deleted.v1', tenant.id, customer('cus_1'), '2025-04-01T00:00:01Z');

    const usageIn = (month: string) => h.client.getUsage({ month }, { context: admin });
    await waitFor(async () => (await usageIn('2025-04')).events === 2, { what: 'the April events' });
    const figures = async (month: string) => {
      const u = await usageIn(month);
      return [u.customers, u.activeSubscriptions];
    };
    expect(await figures('2024-12')).toEqual([0, 0]);
    expect(await figures('2025-01')).toEqual([1, 1]);
    expect(await figures('2025-02')).toEqual([1, 1]);
    expect(await figures('2025-03')).toEqual([2, 1]);
    expect(await figures('2025-04')).toEqual([1, 1]);
    expect(await figures('2026-12')).toEqual([1, 1]);
    expect((await usageIn('2025-03')).events).toBe(3);
  });

  test('an invalid month is an invalid field', async () => {
    const { admin } = await h.newTenant();
    const failure = await failureOf(h.client.getUsage({ month: '2025-13' }, { context: admin }));
    expect(failure).toMatchObject({ kind: 'invalid_argument', fields: [{ path: 'month', message: 'must be a month in the form YYYY-MM' }] });
  });

  test('a tenant cannot report API calls itself', async () => {
    const { admin, tenant } = await h.newTenant();
    const failure = await failureOf(
      h.client.recordApiCalls({ counts: [{ tenantId: tenant.id, month: '2025-01', calls: -5 }] }, { context: admin }),
    );
    expect(failure).toMatchObject({ kind: 'permission_denied' });
  });
});
