import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../lib/api';
import { meAs, renderWithProviders } from '../../test/render';
import { Sidebar } from './Sidebar';

function navigationOf(me: Schema<'Me'>) {
  renderWithProviders(<Sidebar me={me} open={false} onNavigate={() => undefined} />, { me });
  return within(screen.getByRole('navigation', { name: 'Main' }));
}

describe('the main navigation', () => {
  it.each(['administrator', 'manager'] as const)('offers Developers to an %s, opening the webhooks', (role) => {
    expect(navigationOf(meAs(role)).getByRole('link', { name: 'Developers' })).toHaveAttribute('href', '/developers');
  });

  it.each(['operator', 'viewer'] as const)('has no Developers entry for a %s', (role) => {
    const nav = navigationOf(meAs(role));
    expect(nav.getByRole('link', { name: 'Customers' })).toBeInTheDocument();
    expect(nav.queryByRole('link', { name: 'Developers' })).not.toBeInTheDocument();
  });
});
