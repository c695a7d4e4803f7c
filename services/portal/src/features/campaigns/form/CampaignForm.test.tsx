import { QueryClient } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, scopeKey } from '../../../lib/api';
import { renderWithProviders } from '../../../test/render';
import { fromTargeting } from '../targeting/tree';
import { CampaignForm } from './CampaignForm';
import { emptyCampaign } from './values';

const list = { data: [], nextCursor: null };

function setup(onSubmit = vi.fn()) {
  const user = userEvent.setup();
  const defaults = { ...emptyCampaign(), targeting: fromTargeting({ all: [{ field: 'country', op: 'eq', value: 'DE' }] }) };
  // The options the rule builder offers, as the cache would hold them: no request leaves a component test.
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData([scopeKey(), 'storefronts', { limit: 100 }], list);
  client.setQueryData([scopeKey(), 'bundles', { limit: 100 }], list);
  renderWithProviders(<CampaignForm defaultValues={defaults} submitLabel="Create campaign" onSubmit={onSubmit} onCancel={vi.fn()} />, { client });
  return { user, onSubmit };
}

describe('the campaign form', () => {
  it('puts the API’s problems beside the fields they name, the rules’ ones included', async () => {
    const onSubmit = vi.fn().mockRejectedValue(
      new ApiError(400, {
        status: 400,
        detail: 'The request has invalid fields.',
        errors: [
          { path: 'targeting.all.0.op', message: 'is not an operator of country' },
          { path: 'codes.0.code', message: 'SPRING is already used by another campaign' },
        ],
      }),
    );
    const { user } = setup(onSubmit);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Spring');
    await user.type(screen.getByRole('textbox', { name: 'Percent off' }), '25');
    await user.click(screen.getByRole('button', { name: 'Add code' }));
    await user.type(within(screen.getByRole('group', { name: 'Code 1' })).getByRole('textbox', { name: 'Code' }), 'SPRING');
    await user.click(screen.getByRole('button', { name: 'Create campaign' }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    const rule = within(screen.getByRole('group', { name: 'Rule 1' }));
    expect(rule.getByRole('combobox', { name: 'Operator' })).toHaveAccessibleDescription('is not an operator of country');
    expect(within(screen.getByRole('group', { name: 'Code 1' })).getByRole('textbox', { name: 'Code' })).toHaveAccessibleDescription(
      'SPRING is already used by another campaign',
    );
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent('Some fields need your attention.');
  });

  it('does not send what the browser can tell is wrong, and says where', async () => {
    const { user, onSubmit } = setup();
    await user.click(screen.getByRole('button', { name: 'Add variant' }));
    await user.click(screen.getByRole('button', { name: 'Create campaign' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('is required');
    expect(screen.getByText('must list at least two variants for an A/B test (or none)')).toBeInTheDocument();
  });
});
