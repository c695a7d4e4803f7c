import { screen } from '@testing-library/react';
import { meAs, renderWithProviders } from '../../test/render';
import { can } from '../session';
import { Allowed } from './Allowed';

describe('what the signed-in role may do', () => {
  it('write implies read; read does not imply write; none is neither', () => {
    const operator = meAs('operator');
    expect(can(operator, 'customers', 'write')).toBe(true);
    expect(can(operator, 'customers', 'read')).toBe(true);
    expect(can(operator, 'catalog', 'read')).toBe(true);
    expect(can(operator, 'catalog', 'write')).toBe(false);
    expect(can(operator, 'refunds', 'read')).toBe(false);
    expect(can(undefined, 'dashboard', 'read')).toBe(false);
  });
});

describe('Allowed', () => {
  const ui = (
    <>
      <Allowed area="refunds">
        <button type="button">Process refund</button>
      </Allowed>
      <Allowed area="customers" explain>
        <button type="button">Create customer</button>
      </Allowed>
    </>
  );

  it('shows a control to a role that may use it', () => {
    renderWithProviders(ui, { me: meAs('manager') });
    expect(screen.getByRole('button', { name: 'Process refund' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create customer' })).toBeInTheDocument();
  });

  it('hides it from a role that may not, or says so in words when asked to explain', () => {
    renderWithProviders(ui, { me: meAs('viewer') });
    expect(screen.queryByRole('button', { name: 'Process refund' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create customer' })).toBeNull();
    expect(screen.getByText('Your role does not allow this. (Viewer)')).toBeInTheDocument();
  });

  it('holds an Operator to its column: customers yes, refunds no', () => {
    renderWithProviders(ui, { me: meAs('operator') });
    expect(screen.queryByRole('button', { name: 'Process refund' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Create customer' })).toBeInTheDocument();
  });
});
