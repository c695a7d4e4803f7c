import { AzotteApiError, createAzotteClient, idempotencyKey, unwrap, type AzotteClient } from '@azotte/client';
import { startPlatform, type Platform } from '@azotte/test-support/platform';

// The whole platform, real Postgres and RabbitMQ, driven through @azotte/client alone.
let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('client');
});
afterAll(async () => {
  await platform?.stop();
});

const anEmail = () => `ann-${Math.random().toString(36).slice(2, 10)}@example.test`;

/** A new tenant and a client signed in with a Manager API key of its sandbox, made through the client too. */
async function aClientWithAnApiKey(): Promise<AzotteClient> {
  const { token } = await platform.createTenant();
  const owner = createAzotteClient({ baseUrl: platform.gateway.url, apiKey: token });
  const { key } = await unwrap(owner.POST('/api-keys', { body: { name: 'backend', role: 'manager', environment: 'sandbox' } }));
  return createAzotteClient({ baseUrl: platform.gateway.url, apiKey: key });
}

/** A bundle with one entitlement and its monthly price of 9.99 EUR. */
async function aMonthlyPrice(azotte: AzotteClient) {
  const bundle = await unwrap(azotte.POST('/bundles', { body: { name: 'Premium', entitlements: [{ key: 'hd', value: true }] } }));
  const price = await unwrap(
    azotte.POST('/bundles/{id}/prices', { params: { path: { id: bundle.id } }, body: { currency: 'EUR', amount: 999, interval: 'month' } }),
  );
  return { bundle, price };
}

/** A customer with a sandbox card that pays. */
async function aCustomerWithACard(azotte: AzotteClient) {
  const customer = await unwrap(azotte.POST('/customers', { body: { email: anEmail(), name: 'Ann', country: 'DE' } }));
  await unwrap(
    azotte.POST('/customers/{id}/payment-methods', {
      params: { path: { id: customer.id } },
      body: { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' } },
    }),
  );
  return customer;
}

describe('@azotte/client', () => {
  it('signs in with an API key, creates a customer, subscribes it and reads the subscription back', async () => {
    const azotte = await aClientWithAnApiKey();
    const me = await unwrap(azotte.GET('/me'));
    expect(me).toMatchObject({ role: 'manager', environment: { name: 'sandbox' }, apiKey: { name: 'backend' } });

    const { bundle, price } = await aMonthlyPrice(azotte);
    const customer = await aCustomerWithACard(azotte);
    const subscription = await unwrap(azotte.POST('/subscriptions', { body: { customerId: customer.id, priceId: price.id } }));
    expect(subscription).toMatchObject({ id: expect.stringMatching(/^sub_/), customerId: customer.id, priceId: price.id, bundleId: bundle.id, status: 'active' });

    expect(await unwrap(azotte.GET('/subscriptions/{id}', { params: { path: { id: subscription.id } } }))).toEqual(subscription);
    const entitlements = await unwrap(azotte.GET('/customers/{id}/entitlements', { params: { path: { id: customer.id } } }));
    expect(entitlements.data).toEqual([{ key: 'hd', value: true, bundleId: bundle.id, subscriptionId: subscription.id }]);
  });

  it('sends an Idempotency-Key, so that a retried subscribe is answered once', async () => {
    const azotte = await aClientWithAnApiKey();
    const { price } = await aMonthlyPrice(azotte);
    const customer = await aCustomerWithACard(azotte);
    const header = idempotencyKey(`subscribe-${customer.id}`);
    const subscribe = () => azotte.POST('/subscriptions', { params: { header }, body: { customerId: customer.id, priceId: price.id } });

    const first = await subscribe();
    const retry = await subscribe();
    expect([first.response.status, retry.response.status]).toEqual([201, 201]);
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.data).toEqual(first.data);
    const listed = await unwrap(azotte.GET('/subscriptions', { params: { query: { customerId: customer.id } } }));
    expect(listed.data).toHaveLength(1);
  });

  it('throws an AzotteApiError naming every invalid field of a request', async () => {
    const azotte = await aClientWithAnApiKey();
    const failure = await unwrap(azotte.POST('/customers', { body: { email: 'not-an-email', country: 'Germany' } })).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(AzotteApiError);
    const error = failure as AzotteApiError;
    expect(error).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(error.fields.map((f) => f.path).sort()).toEqual(['country', 'email']);
    expect(error.message).toMatch(/email: /);
  });

  it('answers the problem document typed as `error` without unwrap, and a 402 carries the decline code', async () => {
    const azotte = await aClientWithAnApiKey();
    const customer = await unwrap(azotte.POST('/customers', { body: { email: anEmail() } }));
    const { data, error, response } = await azotte.POST('/customers/{id}/payment-methods', {
      params: { path: { id: customer.id } },
      body: { type: 'card', card: { number: '4000000000000002', expMonth: 12, expYear: 2040, cvc: '123' } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(402);
    expect(error).toMatchObject({ status: 402, code: 'card_declined' });
    expect(AzotteApiError.fromResponse(response, error)).toMatchObject({ status: 402, code: 'card_declined', declineCode: 'card_declined' });
  });

  it('is refused with a 401 AzotteApiError for an unknown API key', async () => {
    const stranger = createAzotteClient({ baseUrl: platform.gateway.url, apiKey: 'azk_not_a_key_of_anyone' });
    await expect(unwrap(stranger.GET('/me'))).rejects.toMatchObject({ name: 'AzotteApiError', status: 401, code: expect.any(String), fields: [] });
  });
});
