import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { StorefrontForm } from './StorefrontForm';

// The whole form (hundreds of time zones, countries, currencies) is slow to type into under jsdom.
describe('StorefrontForm', { timeout: 20_000 }, () => {
  it('keeps the default currency one of the currencies as they change', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StorefrontForm />);
    const defaultCurrency = screen.getByRole('combobox', { name: 'Default currency' });
    expect(defaultCurrency).toHaveValue('EUR');

    await user.type(screen.getByRole('combobox', { name: 'Currencies' }), 'chf usd{Enter}');
    const chosen = screen.getByRole('list', { name: 'Currencies of the storefront' });
    expect(within(chosen).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('EUR'),
      expect.stringContaining('CHF'),
      expect.stringContaining('USD'),
    ]);
    // Only the currencies chosen are offered as the default.
    expect(within(defaultCurrency).getAllByRole('option').map((o) => o.textContent)).toEqual(['EUR', 'CHF', 'USD']);
    await user.selectOptions(defaultCurrency, 'USD');

    // Removing the default currency makes the first one left the default.
    await user.click(screen.getByRole('button', { name: 'Remove US Dollar' }));
    expect(defaultCurrency).toHaveValue('EUR');

    // With no currency there is no default, and saving says so beside both fields.
    await user.click(screen.getByRole('button', { name: 'Remove Euro' }));
    await user.click(screen.getByRole('button', { name: 'Remove Swiss Franc' }));
    expect(defaultCurrency).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Create storefront' }));
    expect(screen.getByRole('combobox', { name: 'Default currency' })).toHaveAccessibleDescription(
      expect.stringContaining('choose the default currency among the currencies'),
    );
    expect(screen.getByRole('combobox', { name: 'Currencies' })).toHaveAccessibleDescription(expect.stringContaining('add at least one currency'));
  });

  it('refuses a code that is not a country, and takes a country by its name', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StorefrontForm />);
    const countries = screen.getByRole('combobox', { name: 'Countries' });
    await user.type(countries, 'Germany{Enter}');
    await user.type(countries, 'EU{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Not a country code: EU');
    expect(within(screen.getByRole('list', { name: 'Countries of the storefront' })).getByText('DE')).toBeInTheDocument();
  });

  it('proposes a slug from the name until the slug is typed', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StorefrontForm />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Café Berlin');
    expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveValue('cafe-berlin');
  });
});
