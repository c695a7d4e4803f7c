import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { aPortal, aSubscription } from '../test/builders';
import { fakeHostedApi, ok, problem } from '../test/fake-api';
import { renderHosted, resetDocument, SECRET } from '../test/render';

const PAGE = `/customer-portal/${SECRET}`;
const SUB = 'sub_01TEST';

afterEach(resetDocument);

/** A portal whose subscription follows what the page asked for, as the real API would answer a refetch. */
function portalApi() {
  let subscription = aSubscription();
  let paymentMethods = aPortal().paymentMethods;
  return fakeHostedApi({
    'GET /hosted/portal': () => ok(aPortal({ subscriptions: [subscription], paymentMethods })),
    [`POST /hosted/portal/subscriptions/${SUB}/cancel`]: () => ok((subscription = { ...subscription, cancelAtPeriodEnd: true, nextRenewal: null })),
    [`POST /hosted/portal/subscriptions/${SUB}/resume`]: () => ok((subscription = aSubscription())),
    [`POST /hosted/portal/subscriptions/${SUB}/change-price/preview`]: ({ body }) =>
      ok({
        subscriptionId: SUB,
        priceId: (body as { priceId: string }).priceId,
        quantity: 1,
        currency: 'EUR',
        at: '2026-12-15T10:00:00Z',
        lines: [
          { description: 'Unused time on Premium', amount: -516, quantity: 1, periodStart: '2026-12-15T10:00:00Z', periodEnd: '2026-12-31T23:00:00Z' },
          { description: 'Remaining time on Family', amount: 1032, quantity: 1, periodStart: '2026-12-15T10:00:00Z', periodEnd: '2026-12-31T23:00:00Z' },
        ],
        subtotal: 516,
        discount: 0,
        tax: 82,
        total: 516,
        periodStart: '2026-12-15T10:00:00Z',
        periodEnd: '2026-12-31T23:00:00Z',
      }),
    [`POST /hosted/portal/subscriptions/${SUB}/change-price`]: () => ok((subscription = { ...subscription, priceId: 'price_family', bundleName: 'Family', amount: 1999 })),
    'POST /hosted/portal/payment-methods': ({ body }) => {
      const { card } = body as { card: { number: string; expMonth: number; expYear: number } };
      if (card.number === '4000000000000002') return problem(402, 'card_declined', { declineCode: 'card_declined', errors: [{ path: 'card.number', message: 'The card was declined.' }] });
      const pm = { id: 'pm_02NEW', type: 'card', brand: 'mastercard', last4: card.number.slice(-4), expMonth: card.expMonth, expYear: card.expYear, default: true };
      paymentMethods = [pm];
      return ok(pm, 201);
    },
  });
}

describe('the customer portal page', () => {
  it('lists the subscriptions with status, price, and next renewal in the storefront zone', async () => {
    renderHosted(PAGE, portalApi().fetch);

    expect(await screen.findByRole('heading', { name: 'Your subscriptions' })).toBeInTheDocument();
    const premium = screen.getByRole('article', { name: 'Premium' });
    expect(premium).toHaveTextContent('Active');
    expect(premium).toHaveTextContent('€9.99 / month');
    // 23:00 UTC on 31 December is 1 January in Berlin, the storefront's zone.
    expect(premium).toHaveTextContent('Renews on January 1, 2027 for €9.99');
    expect(screen.getByRole('link', { name: 'Return' })).toHaveAttribute('href', 'https://shop.example.com/account');
  });

  it('cancels after a confirmation, then keeps the subscription again, announcing each', async () => {
    const user = userEvent.setup();
    const api = portalApi();
    renderHosted(PAGE, api.fetch);
    const premium = await screen.findByRole('article', { name: 'Premium' });

    await user.click(within(premium).getByRole('button', { name: 'Cancel subscription' }));
    expect(within(premium).getByText(/stays active until January 1, 2027/)).toBeInTheDocument();
    expect(api.sent(`POST /hosted/portal/subscriptions/${SUB}/cancel`)).toHaveLength(0);
    await user.click(within(premium).getByRole('button', { name: 'Yes, cancel' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Premium ends on January 1, 2027.'));
    expect(premium).toHaveTextContent('Ends on January 1, 2027');
    expect(api.sent(`POST /hosted/portal/subscriptions/${SUB}/cancel`)[0]!.headers.get('Idempotency-Key')).toBeTruthy();

    await user.click(within(premium).getByRole('button', { name: 'Keep subscription' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Premium continues and will renew.'));
    expect(within(premium).getByRole('button', { name: 'Cancel subscription' })).toBeInTheDocument();
    expect(api.sent('GET /hosted/portal')).toHaveLength(3);
  });

  it('previews a change of plan in a dialog, shows what is due now, and confirms it', async () => {
    const user = userEvent.setup();
    const api = portalApi();
    renderHosted(PAGE, api.fetch);
    await user.click(await screen.findByRole('button', { name: 'Change plan' }));

    const dialog = screen.getByRole('dialog', { name: 'Change plan' });
    expect(within(dialog).getByRole('button', { name: 'Confirm change' })).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: 'Family €19.99 / month' }));

    await waitFor(() => expect(within(dialog).getByText('Due now').nextElementSibling).toHaveTextContent('€5.16'));
    expect(within(dialog).getByRole('table', { name: 'What you pay now' })).toHaveTextContent('Unused time on Premium-€5.16');
    expect(api.sent(`POST /hosted/portal/subscriptions/${SUB}/change-price/preview`)[0]!.body).toEqual({ priceId: 'price_family' });

    await user.click(within(dialog).getByRole('button', { name: 'Confirm change' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Your plan is now Family.'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Family' })).toHaveTextContent('€19.99 / month');
  });

  it('shows the default card and saves a new one, a declined one beside the card number', async () => {
    const user = userEvent.setup();
    const api = portalApi();
    renderHosted(PAGE, api.fetch);
    expect(await screen.findByText('Visa •••• 4242')).toBeInTheDocument();
    expect(screen.getByText(/expires 12\/2030/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Update card' }));
    const form = screen.getByRole('form', { name: 'Update card' });
    await user.type(within(form).getByRole('textbox', { name: 'Card number' }), '4000000000000002');
    await user.type(within(form).getByRole('textbox', { name: 'Expiry month' }), '8');
    await user.type(within(form).getByRole('textbox', { name: 'Expiry year' }), '2032');
    await user.type(within(form).getByRole('textbox', { name: 'CVC' }), '321');
    await user.click(within(form).getByRole('button', { name: 'Save card' }));
    const number = within(form).getByRole('textbox', { name: 'Card number' });
    await waitFor(() => expect(number).toHaveAccessibleDescription('Your card was declined.'));

    await user.clear(number);
    await user.type(number, '5555 5555 5555 4444');
    await user.click(within(form).getByRole('button', { name: 'Save card' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Mastercard •••• 4444 is now your card for payments.'));
    expect(screen.getByText('Mastercard •••• 4444')).toBeInTheDocument();
    const [declined, saved] = api.sent('POST /hosted/portal/payment-methods');
    expect(saved!.body).toEqual({ card: { number: '5555555555554444', expMonth: 8, expYear: 2032, cvc: '321' } });
    expect(saved!.headers.get('Idempotency-Key')).not.toBe(declined!.headers.get('Idempotency-Key'));
  });

  it('lists the invoices in a table with a View link to each', async () => {
    renderHosted(PAGE, portalApi().fetch);

    const table = await screen.findByRole('table', { name: 'Invoices' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('December 1, 2026€9.99Paid');
    expect(within(table).getByRole('link', { name: 'View' })).toHaveAttribute('href', `/customer-portal/${SECRET}/invoices/in_01TEST`);
  });

  it('says an expired link has expired, with the Return link', async () => {
    const api = fakeHostedApi({ 'GET /hosted/portal': () => ok(aPortal({ status: 'expired' })) });
    renderHosted(PAGE, api.fetch);

    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Return' })).toHaveAttribute('href', 'https://shop.example.com/account');
    expect(screen.queryByRole('button', { name: 'Cancel subscription' })).not.toBeInTheDocument();
  });

  it('turns into the expired page when an action finds the session expired', async () => {
    const user = userEvent.setup();
    const api = fakeHostedApi({
      'GET /hosted/portal': () => ok(aPortal()),
      [`POST /hosted/portal/subscriptions/${SUB}/cancel`]: () => problem(409, 'session_expired'),
    });
    renderHosted(PAGE, api.fetch);
    await user.click(await screen.findByRole('button', { name: 'Cancel subscription' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel' }));

    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeInTheDocument();
  });
});
