import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../navigation';
import { aCheckout, anEvaluation, aPrice } from '../test/builders';
import { deferred, fakeHostedApi, ok, problem } from '../test/fake-api';
import { renderHosted, resetDocument, SECRET } from '../test/render';

const PAGE = `/checkout/${SECRET}`;
const COMPLETE = 'POST /hosted/checkout/complete';
const completed = ok({ status: 'complete', subscriptionId: 'sub_01NEW', redirectUrl: 'https://shop.example.com/thanks?session_id=cs_01TEST' });

afterEach(() => {
  resetDocument();
  vi.restoreAllMocks();
});

async function fillCard(user: ReturnType<typeof userEvent.setup>, names = { email: 'Email', number: 'Card number', month: 'Expiry month', year: 'Expiry year', cvc: 'CVC' }, number = '4242 4242 4242 4242') {
  if (names.email) await user.type(screen.getByRole('textbox', { name: names.email }), 'ada@example.com');
  await user.type(screen.getByRole('textbox', { name: names.number }), number);
  await user.type(screen.getByRole('textbox', { name: names.month }), '12');
  await user.type(screen.getByRole('textbox', { name: names.year }), '2031');
  await user.type(screen.getByRole('textbox', { name: names.cvc }), '123');
}

describe('the checkout page', () => {
  it('shows the plans of a German storefront in German, with euro amounts as "9,99 €"', async () => {
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout({ storefront: { locale: 'de-DE' } })) });
    renderHosted(PAGE, api.fetch);

    expect(await screen.findByRole('heading', { level: 1, name: 'Streamly' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Streamly' })).toHaveAttribute('src', 'https://cdn.example.com/streamly.png');
    const plans = screen.getByRole('radiogroup', { name: 'Tarif' });
    // Intl puts a no-break space between the amount and the euro sign, as German typesetting wants.
    const monthly = within(plans).getByRole('radio', { name: '9,99\u00a0€ / Monat' });
    expect(monthly).toBeChecked();
    expect(monthly).toHaveAccessibleDescription(/inkl\. 19 % MwSt\..*Heute fällig: 9,99\u00a0€/);
    expect(within(plans).getByRole('radio', { name: '99,00\u00a0€ / Jahr' })).toHaveAccessibleDescription(/14 Tage kostenlos testen/);
    expect(screen.getByRole('heading', { name: 'Premium' })).toBeInTheDocument();
    expect(screen.getByText('Screens: 4')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Kartennummer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Abonnieren' })).toBeInTheDocument();
    // Set by an effect of the branded page, which may run a moment after the page shows.
    await waitFor(() => expect(document.documentElement.lang).toBe('de-DE'));
    // The secret rides in the header, never in the address of the call.
    expect(api.requests[0]!.headers.get('X-Hosted-Session')).toBe(SECRET);
  });

  it('names intervals in words in English, exclusive tax and setup fees included', async () => {
    const quarterly = aPrice({ id: 'price_q', amount: 2500, unitAmount: 2500, intervalCount: 3, setupFee: 499, tax: { behavior: 'exclusive', ratePercent: '7.5', amount: 188 }, dueToday: 3187 });
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout({ prices: [quarterly] })) });
    renderHosted(PAGE, api.fetch);

    const radio = await screen.findByRole('radio', { name: '€25.00 every 3 months' });
    expect(radio).toHaveAccessibleDescription(/\+ €4\.99 one-time setup fee.*\+ 7\.5 % tax.*Due today: €31\.87/);
  });

  it('evaluates a typed coupon code and says what it takes off, or why it does not apply', async () => {
    const user = userEvent.setup();
    const api = fakeHostedApi({
      'GET /hosted/checkout': () => ok(aCheckout()),
      'POST /hosted/checkout/coupon': ({ body }) => {
        const { code } = body as { code: string };
        if (code === 'SAVE20') return ok(anEvaluation());
        return ok(anEvaluation({ code: code.toUpperCase(), applies: false, reason: 'expired', message: 'The code expired.', discount: null, dueToday: 999 }));
      },
    });
    renderHosted(PAGE, api.fetch);

    const coupon = await screen.findByRole('textbox', { name: 'Coupon code' });
    await user.type(coupon, 'SAVE20');
    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Code SAVE20 is applied. 20 % off the first 3 payments. Due today with the code: €7.99'));
    // Typing is debounced: one evaluation for the whole code, not one per key.
    expect(api.sent('POST /hosted/checkout/coupon')).toHaveLength(1);
    expect(api.sent('POST /hosted/checkout/coupon')[0]!.body).toEqual({ code: 'SAVE20', priceId: 'price_monthly' });

    await user.clear(coupon);
    await user.type(coupon, 'OLD10');
    await waitFor(() => expect(status).toHaveTextContent('This code has expired.'));
    expect(coupon).toHaveAttribute('aria-invalid', 'true');
  });

  it('sends one request for a double click of Subscribe, with an Idempotency-Key, then goes to the success page', async () => {
    const user = userEvent.setup();
    const answer = deferred<ReturnType<typeof ok>>();
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout({ session: { allowCoupons: false } })), [COMPLETE]: () => answer.promise });
    renderHosted(PAGE, api.fetch);
    await screen.findByRole('radiogroup', { name: 'Plan' });
    await fillCard(user);

    await user.dblClick(screen.getByRole('button', { name: 'Subscribe' }));
    expect(screen.getByRole('button', { name: 'Subscribing…' })).toBeDisabled();
    answer.resolve(completed);

    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://shop.example.com/thanks?session_id=cs_01TEST'));
    const sent = api.sent(COMPLETE);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]!.body).toEqual({ priceId: 'price_monthly', email: 'ada@example.com', card: { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' } });
  });

  it('shows a declined card beside the card number, keeps the form, and tries another card with a fresh key', async () => {
    const user = userEvent.setup();
    vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    let attempts = 0;
    const api = fakeHostedApi({
      'GET /hosted/checkout': () => ok(aCheckout()),
      [COMPLETE]: () =>
        ++attempts === 1 ? problem(402, 'insufficient_funds', { errors: [{ path: 'card.number', message: 'Insufficient funds.' }] }) : completed,
    });
    renderHosted(PAGE, api.fetch);
    await screen.findByRole('radiogroup', { name: 'Plan' });
    await fillCard(user, undefined, '4000 0000 0000 9995');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    const number = screen.getByRole('textbox', { name: 'Card number' });
    await waitFor(() => expect(number).toHaveAccessibleDescription('Your card has insufficient funds.'));
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveFocus();
    expect(number).toHaveValue('4000 0000 0000 9995');
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('ada@example.com');

    await user.clear(number);
    await user.type(number, '4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(api.sent(COMPLETE)).toHaveLength(2));
    const [first, second] = api.sent(COMPLETE);
    expect(second!.headers.get('Idempotency-Key')).not.toBe(first!.headers.get('Idempotency-Key'));
  });

  it('says a declined card in German on a German storefront', async () => {
    const user = userEvent.setup();
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout({ storefront: { locale: 'de-DE' } })), [COMPLETE]: () => problem(402, 'card_declined') });
    renderHosted(PAGE, api.fetch);
    await screen.findByRole('radiogroup', { name: 'Tarif' });
    await fillCard(user, { email: 'E-Mail', number: 'Kartennummer', month: 'Ablaufmonat', year: 'Ablaufjahr', cvc: 'Prüfnummer (CVC)' });
    await user.click(screen.getByRole('button', { name: 'Abonnieren' }));

    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Kartennummer' })).toHaveAccessibleDescription('Ihre Karte wurde abgelehnt.'));
  });

  it("puts a 400's messages beside the fields they name", async () => {
    const user = userEvent.setup();
    const api = fakeHostedApi({
      'GET /hosted/checkout': () => ok(aCheckout()),
      [COMPLETE]: () =>
        problem(400, 'validation_failed', {
          errors: [
            { path: 'email', message: 'This email address cannot receive mail.' },
            { path: 'card.cvc', message: 'The CVC must be 3 digits for this card.' },
          ],
        }),
    });
    renderHosted(PAGE, api.fetch);
    await screen.findByRole('radiogroup', { name: 'Plan' });
    await fillCard(user);
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription('This email address cannot receive mail.'));
    expect(screen.getByRole('textbox', { name: 'CVC' })).toHaveAccessibleDescription('The CVC must be 3 digits for this card.');
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveFocus();
  });

  it('checks the card in the browser first (Luhn, expiry, email) and sends nothing while it is wrong', async () => {
    const user = userEvent.setup();
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout()) });
    renderHosted(PAGE, api.fetch);
    await screen.findByRole('radiogroup', { name: 'Plan' });
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'ada@');
    await user.type(screen.getByRole('textbox', { name: 'Card number' }), '4242 4242 4242 4241');
    await user.type(screen.getByRole('textbox', { name: 'Expiry month' }), '1');
    await user.type(screen.getByRole('textbox', { name: 'Expiry year' }), '2020');
    await user.type(screen.getByRole('textbox', { name: 'CVC' }), '12');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription('Enter an email address like name@example.com.');
    expect(screen.getByRole('textbox', { name: 'Card number' })).toHaveAccessibleDescription('Enter the card number as it is printed on the card.');
    expect(screen.getByRole('textbox', { name: 'Expiry year' })).toHaveAccessibleDescription('This card has expired.');
    expect(screen.getByRole('textbox', { name: 'CVC' })).toHaveAccessibleDescription('Enter the 3 or 4 digits on the back of the card.');
    expect(api.sent(COMPLETE)).toHaveLength(0);
  });

  it('turns into the expired page when Subscribe finds the session expired', async () => {
    const user = userEvent.setup();
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout()), [COMPLETE]: () => problem(409, 'session_expired') });
    renderHosted(PAGE, api.fetch);
    await screen.findByRole('radiogroup', { name: 'Plan' });
    await fillCard(user);
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    expect(await screen.findByRole('heading', { name: 'This checkout has expired' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', 'https://shop.example.com/pricing');
    expect(screen.queryByRole('button', { name: 'Subscribe' })).not.toBeInTheDocument();
  });

  it('says "Too many attempts" on a 429', async () => {
    const user = userEvent.setup();
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout()), [COMPLETE]: () => problem(429, 'rate_limited') });
    renderHosted(PAGE, api.fetch);
    await screen.findByRole('radiogroup', { name: 'Plan' });
    await fillCard(user);
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, wait a minute.');
    expect(screen.getByRole('button', { name: 'Subscribe' })).toBeEnabled();
  });

  it('shows an expired session as expired, with the Back link', async () => {
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout({ session: { status: 'expired' } })) });
    renderHosted(PAGE, api.fetch);

    expect(await screen.findByRole('heading', { name: 'This checkout has expired' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', 'https://shop.example.com/pricing');
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
  });

  it('shows a complete session as subscribed, with a link to the success page', async () => {
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout({ session: { status: 'complete' } })) });
    renderHosted(PAGE, api.fetch);

    expect(await screen.findByRole('heading', { name: "You're subscribed" })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', 'https://shop.example.com/thanks?session_id=cs_01TEST');
  });

  it('says an unknown secret is not a valid link', async () => {
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => problem(401, 'invalid_session') });
    renderHosted(PAGE, api.fetch);

    expect(await screen.findByRole('heading', { name: 'This link is not valid' })).toBeInTheDocument();
  });

  it('shows the known email instead of asking, and no coupon field unless coupons are allowed', async () => {
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout({ session: { customerKnown: true, customerEmail: 'ada@example.com', allowCoupons: false } })) });
    renderHosted(PAGE, api.fetch);

    expect(await screen.findByText('ada@example.com')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Email' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Coupon code' })).not.toBeInTheDocument();
  });

  it('lists the test cards in a sandbox banner, and fills the form with one', async () => {
    const user = userEvent.setup();
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout({ sandbox: true })) });
    renderHosted(PAGE, api.fetch);

    const banner = await screen.findByRole('note', { name: 'Test mode' });
    expect(banner).toHaveTextContent('4242 4242 4242 4242 — Succeeds');
    expect(banner).toHaveTextContent('4000 0000 0000 0002 — Declined (card_declined)');
    await user.click(within(banner).getByRole('button', { name: 'Use test card 4000000000000002' }));
    expect(screen.getByRole('textbox', { name: 'Card number' })).toHaveValue('4000 0000 0000 0002');
  });

  it('has no sandbox banner in production', async () => {
    const api = fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout()) });
    renderHosted(PAGE, api.fetch);
    await screen.findByRole('radiogroup', { name: 'Plan' });

    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});
