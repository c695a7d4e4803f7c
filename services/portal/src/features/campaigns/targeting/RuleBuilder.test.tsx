import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { RuleOptions } from './context';
import { RuleBuilder } from './RuleBuilder';
import { fromTargeting, toTargeting, type GroupDraft, type Targeting } from './tree';

const NESTED = {
  all: [
    { field: 'country', op: 'in', value: ['DE', 'AT'] },
    { any: [{ field: 'newCustomer', op: 'eq', value: true }, { field: 'customer.metadata.plan', op: 'eq', value: 'pro' }] },
  ],
};

function Harness({ initial, onTree, errorAt, options }: { initial: GroupDraft; onTree(tree: Targeting | null): void; errorAt?(path: string): string | undefined; options?: RuleOptions }) {
  const [tree, setTree] = useState(initial);
  return (
    <RuleBuilder
      value={tree}
      onChange={(next) => {
        setTree(next);
        onTree(toTargeting(next));
      }}
      {...(errorAt ? { errorAt } : {})}
      {...(options ? { options } : {})}
    />
  );
}

const setup = (initial: unknown = null, extra: { errorAt?(path: string): string | undefined; options?: RuleOptions } = {}) => {
  const onTree = vi.fn();
  const user = userEvent.setup();
  render(<Harness initial={fromTargeting(initial)} onTree={onTree} {...extra} />);
  const last = () => onTree.mock.calls.at(-1)?.[0] as Targeting | null;
  return { user, onTree, last };
};

const rule = (name: string) => within(screen.getByRole('group', { name: `Rule ${name}` }));
const optionValues = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);

describe('the targeting rule builder', () => {
  it('builds a nested tree from the keyboard and mouse, and writes the exact JSON', async () => {
    const { user, last } = setup();
    expect(screen.getByText('No rules: the campaign applies to every customer.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    // The new rule's Field takes the focus.
    expect(rule('1').getByRole('combobox', { name: 'Field' })).toHaveFocus();
    await user.selectOptions(rule('1').getByRole('combobox', { name: 'Operator' }), 'in');
    await user.type(rule('1').getByRole('textbox', { name: 'Value' }), 'de{Enter}AT,');
    expect(rule('1').getByRole('button', { name: 'Remove DE' })).toBeInTheDocument();

    const root = within(screen.getByRole('group', { name: 'Targeting rules' }));
    await user.click(root.getAllByRole('button', { name: 'Add group' }).at(-1)!);
    const group = within(screen.getByRole('group', { name: 'Group 2' }));
    expect(group.getByRole('combobox', { name: 'Match' })).toHaveFocus();
    expect(group.getByRole('combobox', { name: 'Match' })).toHaveValue('any');
    await user.selectOptions(rule('2.1').getByRole('combobox', { name: 'Field' }), 'newCustomer');
    expect(rule('2.1').getByRole('combobox', { name: 'Value' })).toHaveValue('true');

    await user.click(group.getByRole('button', { name: 'Add rule' }));
    await user.selectOptions(rule('2.2').getByRole('combobox', { name: 'Field' }), 'customer.metadata');
    await user.type(rule('2.2').getByRole('textbox', { name: 'Metadata key' }), 'plan');
    await user.type(rule('2.2').getByRole('textbox', { name: 'Value' }), 'pro');

    expect(last()).toEqual(NESTED);
  });

  it('shows a stored tree in its controls, ready to edit', () => {
    setup(NESTED);
    expect(screen.getByRole('group', { name: 'Targeting rules' })).toBeInTheDocument();
    expect(rule('1').getByRole('combobox', { name: 'Field' })).toHaveValue('country');
    expect(rule('1').getByRole('combobox', { name: 'Operator' })).toHaveValue('in');
    expect(rule('1').getByRole('button', { name: 'Remove AT' })).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Group 2' })).getByRole('combobox', { name: 'Match' })).toHaveValue('any');
    expect(rule('2.1').getByRole('combobox', { name: 'Value' })).toHaveValue('true');
    expect(rule('2.2').getByRole('textbox', { name: 'Metadata key' })).toHaveValue('plan');
    expect(rule('2.2').getByRole('textbox', { name: 'Value' })).toHaveValue('pro');
  });

  it('offers every field, and for each only the operators the API takes for it', async () => {
    const { user } = setup({ all: [{ field: 'country', op: 'eq', value: 'DE' }] });
    const field = rule('1').getByRole('combobox', { name: 'Field' });
    expect(optionValues(field)).toEqual(['storefrontId', 'country', 'bundleId', 'priceId', 'currency', 'newCustomer', 'customer.metadata']);
    const ops = () => optionValues(rule('1').getByRole('combobox', { name: 'Operator' }));
    for (const f of ['storefrontId', 'country', 'bundleId', 'priceId', 'currency']) {
      await user.selectOptions(field, f);
      expect(ops()).toEqual(['eq', 'neq', 'in', 'nin']);
    }
    await user.selectOptions(field, 'newCustomer');
    expect(ops()).toEqual(['eq', 'neq']);
    await user.selectOptions(field, 'customer.metadata');
    expect(ops()).toEqual(['eq', 'neq', 'in', 'nin', 'gte', 'lte']);
  });

  it('types each value for its field and operator', async () => {
    const options = { storefronts: [{ value: 'sf_1', label: 'Main store' }, { value: 'sf_2', label: 'Outlet' }], bundles: [{ value: 'bun_1', label: 'Pro' }] };
    const { user, last } = setup({ all: [{ field: 'storefrontId', op: 'eq', value: 'sf_2' }] }, { options });
    // Storefronts are chosen from the environment's own.
    const value = rule('1').getByRole('combobox', { name: 'Value' });
    expect(value).toHaveValue('sf_2');
    expect(within(value).getByRole('option', { name: 'Outlet' })).toBeInTheDocument();
    // A list of bundles, chosen one by one.
    await user.selectOptions(rule('1').getByRole('combobox', { name: 'Field' }), 'bundleId');
    await user.selectOptions(rule('1').getByRole('combobox', { name: 'Operator' }), 'nin');
    await user.selectOptions(rule('1').getByRole('combobox', { name: 'Value' }), 'bun_1');
    expect(rule('1').getByRole('button', { name: 'Remove Pro' })).toBeInTheDocument();
    expect(last()).toEqual({ all: [{ field: 'bundleId', op: 'nin', value: ['bun_1'] }] });
    // A number for gte on metadata: sent as a JSON number.
    await user.selectOptions(rule('1').getByRole('combobox', { name: 'Field' }), 'customer.metadata');
    await user.type(rule('1').getByRole('textbox', { name: 'Metadata key' }), 'seats');
    await user.selectOptions(rule('1').getByRole('combobox', { name: 'Operator' }), 'gte');
    await user.type(rule('1').getByRole('textbox', { name: 'Value' }), '10');
    expect(last()).toEqual({ all: [{ field: 'customer.metadata.seats', op: 'gte', value: 10 }] });
    // Yes or no for newCustomer.
    await user.selectOptions(rule('1').getByRole('combobox', { name: 'Field' }), 'newCustomer');
    await user.selectOptions(rule('1').getByRole('combobox', { name: 'Value' }), 'false');
    expect(last()).toEqual({ all: [{ field: 'newCustomer', op: 'eq', value: false }] });
    // Capitals for a country, typed in any case.
    await user.selectOptions(rule('1').getByRole('combobox', { name: 'Field' }), 'country');
    await user.type(rule('1').getByRole('textbox', { name: 'Value' }), 'fr');
    expect(last()).toEqual({ all: [{ field: 'country', op: 'eq', value: 'FR' }] });
  });

  it('removes a rule and a group, and gives the focus back to the group', async () => {
    const { user, last } = setup(NESTED);
    await user.click(rule('2.1').getByRole('button', { name: 'Remove rule' }));
    expect(last()).toEqual({ all: [NESTED.all[0], { any: [{ field: 'customer.metadata.plan', op: 'eq', value: 'pro' }] }] });
    const group = within(screen.getByRole('group', { name: 'Group 2' }));
    expect(group.getByRole('button', { name: 'Add rule' })).toHaveFocus();
    await user.click(group.getByRole('button', { name: 'Remove group' }));
    expect(last()).toEqual({ all: [NESTED.all[0]] });
    await user.click(rule('1').getByRole('button', { name: 'Remove DE' }));
    expect(last()).toEqual({ all: [{ field: 'country', op: 'in', value: ['AT'] }] });
    await user.click(rule('1').getByRole('button', { name: 'Remove rule' }));
    expect(last()).toBeNull();
  });

  it('shows each problem beside the control its API path names', () => {
    const errors: Record<string, string> = {
      'targeting.all.0.value': 'item 0: must be an upper-case country code',
      'targeting.all.1.any.1.field': 'names a metadata key that cannot exist',
    };
    setup(NESTED, { errorAt: (path) => errors[path] });
    expect(rule('1').getByRole('alert')).toHaveTextContent('item 0: must be an upper-case country code');
    expect(rule('2.2').getByRole('textbox', { name: 'Metadata key' })).toHaveAccessibleDescription('names a metadata key that cannot exist');
    expect(rule('2.1').queryByRole('alert')).toBeNull();
  });

  it('stops nesting at five levels', async () => {
    const deep = { all: [{ any: [{ all: [{ any: [{ field: 'country', op: 'eq', value: 'DE' }] }] }] }] };
    const { user } = setup(deep);
    const level4 = within(screen.getByRole('group', { name: 'Group 1.1.1' }));
    await user.click(level4.getAllByRole('button', { name: 'Add group' }).at(-1)!);
    const level5 = within(screen.getByRole('group', { name: 'Group 1.1.1.2' }));
    expect(level5.getAllByRole('button', { name: 'Add group' }).at(-1)).toBeDisabled();
  });
});
