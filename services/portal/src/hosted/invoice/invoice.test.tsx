import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../navigation';
import { anInvoice, aPortal } from '../test/builders';
import { fakeHostedApi, ok, problem } from '../test/fake-api';
import { renderHosted, resetDocument, SECRET } from '../test/render';

const PAGE = `/customer-portal/${SECRET}/invoices/in_01TEST`;

afterEach(() => {
  resetDocument();
  vi.restoreAllMocks();
});

const total = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;

describe('the invoice page', () => {
  it('shows seller, customer, lines and totals in the storefront locale, with a Print button', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(browser, 'print').mockImplementation(() => undefined);
    const api = fakeHostedApi({
      'GET /hosted/portal': () => ok(aPortal({ storefront: { locale: 'de-DE' } })),
      'GET /hosted/portal/invoices/in_01TEST': () => ok(anInvoice({ amountRefunded: 300 })),
    });
    renderHosted(PAGE, api.fetch);

    expect(await screen.findByRole('heading', { name: 'Rechnung in_01TEST' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Von' })).toHaveTextContent('Streamly GmbH');
    expect(screen.getByRole('region', { name: 'Rechnung an' })).toHaveTextContent('Ada Lovelaceada@example.comDeutschland');
    const lines = screen.getByRole('table', { name: 'Rechnungspositionen' });
    expect(within(lines).getAllByRole('row')[1]).toHaveTextContent('Premium (monthly)1. Dezember 2026 – 1. Januar 20271');
    expect(total('Zwischensumme')).toHaveTextContent('9,99 €');
    expect(total('Rabatt')).toHaveTextContent('-2,00 €');
    expect(total('Steuer')).toHaveTextContent('1,28 €');
    expect(total('Gesamt')).toHaveTextContent('7,99 €');
    expect(total('Bezahlt')).toHaveTextContent('7,99 €');
    expect(total('Erstattet')).toHaveTextContent('3,00 €');
    expect(screen.getByRole('link', { name: 'Zurück' })).toHaveAttribute('href', `/customer-portal/${SECRET}`);

    await user.click(screen.getByRole('button', { name: 'Drucken' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('leaves out "refunded" when nothing was refunded', async () => {
    const api = fakeHostedApi({ 'GET /hosted/portal': () => ok(aPortal()), 'GET /hosted/portal/invoices/in_01TEST': () => ok(anInvoice()) });
    renderHosted(PAGE, api.fetch);

    expect(await screen.findByRole('button', { name: 'Print' })).toBeInTheDocument();
    expect(total('Total')).toHaveTextContent('€7.99');
    expect(screen.queryByText('Refunded')).not.toBeInTheDocument();
  });

  it("says there is no such invoice for another customer's (404)", async () => {
    const api = fakeHostedApi({ 'GET /hosted/portal': () => ok(aPortal()), 'GET /hosted/portal/invoices/in_01TEST': () => problem(404, 'not_found') });
    renderHosted(PAGE, api.fetch);

    expect(await screen.findByRole('heading', { name: 'There is no such invoice.' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', `/customer-portal/${SECRET}`);
  });

  it('goes back to the portal page without reloading', async () => {
    const user = userEvent.setup();
    const api = fakeHostedApi({ 'GET /hosted/portal': () => ok(aPortal()), 'GET /hosted/portal/invoices/in_01TEST': () => ok(anInvoice()) });
    renderHosted(PAGE, api.fetch);
    await user.click(await screen.findByRole('link', { name: 'Back' }));

    expect(await screen.findByRole('heading', { name: 'Your subscriptions' })).toBeInTheDocument();
    expect(window.location.pathname).toBe(`/customer-portal/${SECRET}`);
  });
});
