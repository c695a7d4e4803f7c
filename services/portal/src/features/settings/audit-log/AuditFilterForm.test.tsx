import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AuditFilterForm } from './AuditFilterForm';
import { auditQuery, EMPTY_FILTERS, type AuditFilters } from './filters';

const environments = [
  { id: 'env_prod', name: 'production', kind: 'production' as const },
  { id: 'env_sbx', name: 'sandbox', kind: 'sandbox' as const },
];

function setup(filters: AuditFilters = EMPTY_FILTERS) {
  const onApply = vi.fn<(filters: AuditFilters) => void>();
  render(<AuditFilterForm filters={filters} environments={environments} onApply={onApply} />);
  return { onApply, user: userEvent.setup() };
}

describe('AuditFilterForm', () => {
  it('turns what is typed and chosen into the API’s query parameters', async () => {
    const { onApply, user } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Actor ID' }), 'usr_01ABC');
    await user.type(screen.getByRole('textbox', { name: 'Action' }), 'tenant.user.updated.v1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Object type' }), 'user');
    await user.type(screen.getByRole('textbox', { name: 'Object ID' }), 'usr_01XYZ');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Recorded in' }), 'sandbox');
    await user.type(screen.getByLabelText('From'), '2026-03-01');
    await user.type(screen.getByLabelText('To'), '2026-03-31');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(onApply).toHaveBeenCalledTimes(1);
    const filters = onApply.mock.calls[0]![0];
    expect(auditQuery(filters)).toEqual({
      actorId: 'usr_01ABC',
      action: 'tenant.user.updated.v1',
      objectType: 'user',
      objectId: 'usr_01XYZ',
      environmentId: 'env_sbx',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
    });
  });

  it('shows the filters it was given, and clears them all at once', async () => {
    const { onApply, user } = setup({ ...EMPTY_FILTERS, action: 'tenant.api_key.revoked.v1', environmentId: 'env_prod' });
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveValue('tenant.api_key.revoked.v1');
    expect(screen.getByRole('combobox', { name: 'Recorded in' })).toHaveValue('env_prod');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onApply).toHaveBeenCalledWith(EMPTY_FILTERS);
    expect(auditQuery(onApply.mock.calls[0]![0])).toEqual({});
  });

  it('offers no Clear when nothing is filtered', () => {
    setup();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('refuses From after To beside From, and applies nothing', async () => {
    const { onApply, user } = setup();
    await user.type(screen.getByLabelText('From'), '2026-04-02');
    await user.type(screen.getByLabelText('To'), '2026-04-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('must be on or before To')).toBeInTheDocument();
    expect(screen.getByLabelText('From')).toHaveAttribute('aria-invalid', 'true');
    expect(onApply).not.toHaveBeenCalled();
  });
});
