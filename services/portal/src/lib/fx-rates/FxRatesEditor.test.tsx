import { zodResolver } from '@hookform/resolvers/zod';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { FxRatesEditor } from './FxRatesEditor';
import { fxRowsSchema, ratesToRows, rowsToRates, type FxRates } from './rates';

const schema = z.object({ fxRates: fxRowsSchema });

/** A form holding only the editor, as the profile and Create tenant forms hold it. */
function Harness({ rates, onSave }: { rates: FxRates; onSave: (rates: FxRates) => void }) {
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { fxRates: ratesToRows(rates) } });
  return (
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit((values) => onSave(rowsToRates(values.fxRates)))}>
        <FxRatesEditor reportingCurrency="EUR" />
        <button type="submit">Save</button>
      </form>
    </FormProvider>
  );
}

describe('FxRatesEditor', () => {
  it('shows each stored rate as a row, labelled with what it means', () => {
    render(<Harness rates={{ USD: '0.920', GBP: '1.17' }} onSave={() => undefined} />);
    expect(screen.getByRole('group', { name: 'Exchange rates' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Currency (rate 1)' })).toHaveValue('GBP');
    expect(screen.getByRole('textbox', { name: 'Value of 1 GBP in EUR (rate 1)' })).toHaveValue('1.17');
    expect(screen.getByRole('textbox', { name: 'Value of 1 USD in EUR (rate 2)' })).toHaveValue('0.920');
  });

  it('adds, edits and removes rows, and sends the map with the strings as typed', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Harness rates={{ USD: '0.92', GBP: '1.17' }} onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Remove the GBP rate' }));
    await user.click(screen.getByRole('button', { name: 'Add rate' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency (rate 2)' }), 'CHF');
    await user.type(screen.getByRole('textbox', { name: 'Value of 1 CHF in EUR (rate 2)' }), '1.0500000000000001');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ USD: '0.92', CHF: '1.0500000000000001' });
  });

  it('puts the browser’s checks beside the row they concern', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Harness rates={{ USD: '0.92' }} onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Add rate' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency (rate 2)' }), 'USD');
    await user.type(screen.getByRole('textbox', { name: 'Value of 1 USD in EUR (rate 2)' }), '0,93');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('USD has a rate already')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Value of 1 USD in EUR (rate 2)' })).toHaveAccessibleDescription('must be a positive decimal such as 0.92');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says so when there is no rate', () => {
    render(<Harness rates={{}} onSave={() => undefined} />);
    expect(screen.getByText('No exchange rates yet.')).toBeInTheDocument();
  });
});
