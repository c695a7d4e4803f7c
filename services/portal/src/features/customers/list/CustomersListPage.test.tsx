import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { aCustomer, aMe, cacheWith } from '../testing';
import { CustomersListPage } from './CustomersListPage';

const list = (...names: string[]) => ({ data: names.map((name, i) => aCustomer({ id: `cus_0${i}`, name, email: `${name.toLowerCase()}@example.com` })), nextCursor: null });

/** The list's answers, each under the query the page asks: everyone, an exact email, a prefix. */
const client = () =>
  cacheWith([
    [['me'], aMe()],
    [['customers', { limit: 20 }], list('Ann', 'Bob')],
    [['customers', { email: 'bob@example.com', limit: 20 }], list('Bob')],
    [['customers', { q: 'an', limit: 20 }], list('Ann', 'Anna')],
  ]);

describe('searching customers', () => {
  it('lists everyone, newest first, when nothing is typed', () => {
    renderWithProviders(<CustomersListPage />, { client: client() });
    expect(screen.getByRole('link', { name: 'Ann' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bob' })).toBeInTheDocument();
  });

  it('asks for the exact email when a whole email is typed', async () => {
    renderWithProviders(<CustomersListPage />, { client: client() });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'bob@example.com');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Ann' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Bob' })).toBeInTheDocument();
  });

  it('asks for a prefix of a name or an email otherwise', async () => {
    renderWithProviders(<CustomersListPage />, { client: client() });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'an');
    expect(await screen.findByRole('link', { name: 'Anna' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ann' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Bob' })).not.toBeInTheDocument());
  });

  it('says what to do when nothing matches', async () => {
    const empty = cacheWith([
      [['me'], aMe()],
      [['customers', { limit: 20 }], list()],
      [['customers', { q: 'zed', limit: 20 }], list()],
    ]);
    renderWithProviders(<CustomersListPage />, { client: empty });
    expect(screen.getByText('No customers yet')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Create customer' }).length).toBeGreaterThan(0);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'zed');
    expect(await screen.findByText('No customer matches “zed”')).toBeInTheDocument();
  });

  it('offers no Create customer to a role that may only read', () => {
    renderWithProviders(<CustomersListPage />, { client: cacheWith([[['me'], aMe({ level: 'read' })], [['customers', { limit: 20 }], list('Ann')]]) });
    expect(screen.queryByRole('link', { name: 'Create customer' })).not.toBeInTheDocument();
  });

  it('shows as many rows per page as asked (kept in the URL), up to the API\'s 100', async () => {
    const many = list(...Array.from({ length: 100 }, (_, i) => `C${i}`));
    renderWithProviders(<CustomersListPage />, {
      route: '/customers?limit=100',
      client: cacheWith([[['me'], aMe()], [['customers', { limit: 100 }], many], [['customers', { limit: 50 }], list('Fifty')]]),
    });
    expect(screen.getAllByRole('row')).toHaveLength(101);
    const size = screen.getByRole('combobox', { name: 'Rows per page' });
    expect(size).toHaveValue('100');
    await userEvent.selectOptions(size, '50');
    expect(await screen.findByRole('link', { name: 'Fifty' })).toBeInTheDocument();
  });
});
