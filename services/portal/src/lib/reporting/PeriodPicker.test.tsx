import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { PeriodPicker } from './PeriodPicker';

describe('the period picker', () => {
  it('offers the presets and Custom range, and applies a preset at once', async () => {
    const onChange = vi.fn();
    renderWithProviders(<PeriodPicker choice={{ kind: 'preset', preset: '30d' }} onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: 'Period' });
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Last 7 days', 'Last 30 days', 'Last 90 days', 'This month', 'Custom range']);
    await userEvent.selectOptions(select, 'Last 7 days');
    expect(onChange).toHaveBeenCalledWith({ kind: 'preset', preset: '7d' });
  });

  it('takes a custom range from two labelled dates and refuses one that ends before it starts', async () => {
    const onChange = vi.fn();
    renderWithProviders(<PeriodPicker choice={{ kind: 'preset', preset: '30d' }} onChange={onChange} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Custom range');
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    await userEvent.clear(from);
    await userEvent.type(from, '2026-11-10');
    await userEvent.clear(to);
    await userEvent.type(to, '2026-11-01');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('must be on or after the start date')).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
    await userEvent.clear(to);
    await userEvent.type(to, '2026-11-30');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onChange).toHaveBeenCalledWith({ kind: 'custom', from: '2026-11-10', to: '2026-11-30' });
  });
});
