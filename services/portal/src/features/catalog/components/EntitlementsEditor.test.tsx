import { zodResolver } from '@hookform/resolvers/zod';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { bundleFormSchema, newBundleForm, toCreateBundleBody, type BundleFormValues } from '../model/bundle-form';
import { entitlementsToRows } from '../model/entitlements';
import { EntitlementsEditor } from './EntitlementsEditor';

function Harness({ initial, onSubmit, disabled }: { initial: BundleFormValues; onSubmit: (body: unknown) => void; disabled?: boolean }) {
  const form = useForm<BundleFormValues>({ defaultValues: initial, resolver: zodResolver(bundleFormSchema) });
  return (
    <form onSubmit={(e) => void form.handleSubmit((values) => onSubmit(toCreateBundleBody(values)))(e)}>
      <EntitlementsEditor form={form} disabled={disabled} />
      <button type="submit">Save</button>
    </form>
  );
}

const named = { ...newBundleForm(), name: 'Premium' };

// userEvent types key by key; on a loaded machine that takes more than the default 5 s.
describe('EntitlementsEditor', { timeout: 20_000 }, () => {
  it('sends typed values: a boolean, a number and a string', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness initial={named} onSubmit={onSubmit} />);
    expect(screen.getByText(/No entitlements yet/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add entitlement' }));
    expect(screen.getByRole('textbox', { name: 'Key of entitlement 1' })).toHaveFocus();
    await user.keyboard('hd_streaming');
    expect(screen.getByRole('combobox', { name: 'Type of entitlement 1' })).toHaveValue('boolean');
    expect(screen.getByRole('combobox', { name: 'Value of entitlement 1' })).toHaveValue('true');

    await user.click(screen.getByRole('button', { name: 'Add entitlement' }));
    await user.keyboard('max_streams');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type of entitlement 2' }), 'number');
    await user.type(screen.getByRole('textbox', { name: 'Value of entitlement 2' }), '4');

    await user.click(screen.getByRole('button', { name: 'Add entitlement' }));
    await user.keyboard('quality');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type of entitlement 3' }), 'string');
    await user.type(screen.getByRole('textbox', { name: 'Value of entitlement 3' }), '4K');

    await user.click(screen.getByRole('button', { name: 'Add entitlement' }));
    await user.keyboard('offline');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Value of entitlement 4' }), 'false');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Premium',
      status: 'active',
      entitlements: [
        { key: 'hd_streaming', value: true },
        { key: 'max_streams', value: 4 },
        { key: 'quality', value: '4K' },
        { key: 'offline', value: false },
      ],
    });
  });

  it('keeps a number typed when the row becomes a string, and checks a number is one', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness initial={{ ...named, entitlements: entitlementsToRows([{ key: 'seats', value: 10 }]) }} onSubmit={onSubmit} />);
    const value = screen.getByRole('textbox', { name: 'Value of entitlement 1' });
    expect(value).toHaveValue('10');
    await user.clear(value);
    await user.type(value, 'ten');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Value of entitlement 1' })).toHaveAccessibleDescription('must be a number, such as 4 or 2.5');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type of entitlement 1' }), 'string');
    expect(screen.getByRole('textbox', { name: 'Value of entitlement 1' })).toHaveValue('ten');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ entitlements: [{ key: 'seats', value: 'ten' }] }));
  });

  it('removes a row, and refuses a key used twice', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const rows = entitlementsToRows([
      { key: 'a', value: true },
      { key: 'b', value: 1 },
      { key: 'a', value: 'x' },
    ]);
    render(<Harness initial={{ ...named, entitlements: rows }} onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('textbox', { name: 'Key of entitlement 3' })).toHaveAccessibleDescription('is used by another entitlement');
    await user.click(screen.getByRole('button', { name: 'Remove entitlement 3' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ entitlements: [{ key: 'a', value: true }, { key: 'b', value: 1 }] }));
  });

  it('offers no control to change anything when read-only', () => {
    render(<Harness initial={{ ...named, entitlements: entitlementsToRows([{ key: 'a', value: true }]) }} onSubmit={vi.fn()} disabled />);
    expect(screen.queryByRole('button', { name: 'Add entitlement' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Key of entitlement 1' })).toBeDisabled();
  });
});
