import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { emptyPriceForm, priceFormResolver, toCreatePriceBody, type CreatePriceBody, type PriceFormValues } from '../model/price-form';
import { tiersToRows } from '../model/tiers';
import { TiersEditor } from './TiersEditor';

function Harness({ initial, onSubmit }: { initial: PriceFormValues; onSubmit: (body: CreatePriceBody) => void }) {
  const form = useForm<PriceFormValues>({ defaultValues: initial, resolver: priceFormResolver });
  return (
    <form onSubmit={(e) => void form.handleSubmit((values) => onSubmit(toCreatePriceBody(values)))(e)}>
      <TiersEditor form={form} currency={form.watch('currency')} />
      <button type="submit">Save</button>
    </form>
  );
}

const tiered = (currency = 'EUR'): PriceFormValues => ({ ...emptyPriceForm(currency), strategy: 'tiered' });

// userEvent types key by key; on a loaded machine that takes more than the default 5 s.
describe('TiersEditor', { timeout: 20_000 }, () => {
  it('turns rows into the API’s tiers: ascending bounds, the last one unbounded, amounts in minor units', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness initial={tiered()} onSubmit={onSubmit} />);

    // Two rows to start from: 1 to 10, then 11 and above.
    expect(screen.getByRole('textbox', { name: 'Up to (tier 1)' })).toHaveValue('10');
    expect(screen.queryByRole('textbox', { name: 'Up to (tier 2)' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Tier 2' })).getByText('and above')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Tier 2' })).getByText('11')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Per unit (tier 1)' }), '5');
    await user.type(screen.getByRole('textbox', { name: 'Per unit (tier 2)' }), '4.50');
    await user.click(screen.getByRole('button', { name: 'Add tier' }));

    // The row that was last now needs its bound, and has the focus; the new row is the unbounded one.
    const bound = screen.getByRole('textbox', { name: 'Up to (tier 2)' });
    expect(bound).toHaveFocus();
    await user.type(bound, '100');
    expect(within(screen.getByRole('group', { name: 'Tier 3' })).getByText('101')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Per unit (tier 3)' }), '0.29');
    await user.type(screen.getByRole('textbox', { name: 'Flat fee (tier 3)' }), '1,000.10');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({
      strategy: 'tiered',
      tiersMode: 'graduated',
      tiers: [
        { upTo: 10, unitAmount: 500 },
        { upTo: 100, unitAmount: 450 },
        { upTo: null, unitAmount: 29, flatAmount: 100010 },
      ],
    });
    expect(onSubmit.mock.calls[0]![0]).not.toHaveProperty('amount');
  });

  it('shows a price’s tiers as rows, and sends them back unchanged', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const tiers = [
      { upTo: 5, unitAmount: 1000, unitAmountDecimal: null, flatAmount: null },
      { upTo: 20, unitAmount: 800, unitAmountDecimal: null, flatAmount: 500 },
      { upTo: null, unitAmount: 600, unitAmountDecimal: null, flatAmount: null },
    ];
    render(<Harness initial={{ ...tiered('USD'), tiers: tiersToRows(tiers, 'USD') }} onSubmit={onSubmit} />);
    expect(screen.getByRole('textbox', { name: 'Up to (tier 2)' })).toHaveValue('20');
    expect(screen.getByRole('textbox', { name: 'Flat fee (tier 2)' })).toHaveValue('5.00');
    expect(screen.getByRole('textbox', { name: 'Per unit (tier 3)' })).toHaveValue('6.00');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit.mock.calls[0]![0].tiers).toEqual([
      { upTo: 5, unitAmount: 1000 },
      { upTo: 20, unitAmount: 800, flatAmount: 500 },
      { upTo: null, unitAmount: 600 },
    ]);

    // Removing the last tier makes the one before it the unbounded one.
    await user.click(screen.getByRole('button', { name: 'Remove tier 3' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit.mock.calls[1]![0].tiers).toEqual([
      { upTo: 5, unitAmount: 1000 },
      { upTo: null, unitAmount: 800, flatAmount: 500 },
    ]);
  });

  it('says beside the field what is wrong, and sends nothing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness initial={tiered('JPY')} onSubmit={onSubmit} />);
    await user.type(screen.getByRole('textbox', { name: 'Per unit (tier 1)' }), '9.5');
    await user.click(screen.getByRole('button', { name: 'Add tier' }));
    await user.type(screen.getByRole('textbox', { name: 'Up to (tier 2)' }), '8');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Per unit (tier 1)' })).toHaveAccessibleDescription('has more decimals than JPY has');
    expect(screen.getByRole('textbox', { name: 'Up to (tier 2)' })).toHaveAccessibleDescription('must be more than the tier before (10)');
    expect(screen.getByRole('textbox', { name: 'Per unit (tier 3)' })).toHaveAccessibleDescription('a tier needs a unit amount or a flat fee');
  });
});
