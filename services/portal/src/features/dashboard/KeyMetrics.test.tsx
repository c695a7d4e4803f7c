import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../lib/api';
import { renderWithProviders } from '../../test/render';
import { KeyMetrics } from './KeyMetrics';

const figures: Schema<'Dashboard'> = {
  asOf: '2026-12-02T10:00:00.000Z',
  currency: 'EUR',
  mrr: { amount: 999, currency: 'EUR' },
  activeSubscriptions: 1,
  trialingSubscriptions: 2,
  churnRate: 0.125,
  paymentSuccessRate: 0.5,
  revenue: { amount: 1998, currency: 'EUR' },
  newCustomers: 3,
  period: { from: '2026-11-02T10:00:00.000Z', to: '2026-12-02T10:00:00.000Z' },
  degraded: [],
  unconverted: { mrr: [], revenue: [] },
};

const figure = (name: string) => screen.getByRole('group', { name });

describe('the dashboard figures', () => {
  it('shows the four key metrics by their names, with money and rates formatted', () => {
    renderWithProviders(<KeyMetrics data={figures} failed={false} loading={false} />);
    expect(within(figure('Monthly Recurring Revenue')).getByText('€9.99')).toBeInTheDocument();
    expect(within(figure('Active Subscriptions')).getByText('1')).toBeInTheDocument();
    expect(within(figure('Churn Rate')).getByText('12.5%')).toBeInTheDocument();
    expect(within(figure('Payment Success Rate')).getByText('50%')).toBeInTheDocument();
    expect(within(figure('Trialing subscriptions')).getByText('2')).toBeInTheDocument();
    expect(within(figure('Revenue')).getByText('€19.98')).toBeInTheDocument();
    expect(within(figure('New customers')).getByText('3')).toBeInTheDocument();
  });

  it('shows a source named in degraded as Unavailable — never as 0 — and the others as usual', () => {
    const degraded: Schema<'Dashboard'> = {
      ...figures,
      mrr: null,
      activeSubscriptions: null,
      trialingSubscriptions: null,
      churnRate: null,
      degraded: ['subscriptions'],
      unconverted: { mrr: null, revenue: [] },
    };
    renderWithProviders(<KeyMetrics data={degraded} failed={false} loading={false} />);
    for (const name of ['Monthly Recurring Revenue', 'Active Subscriptions', 'Churn Rate', 'Trialing subscriptions']) {
      const group = figure(name);
      expect(within(group).getByText('Unavailable')).toBeInTheDocument();
      expect(group.textContent).not.toMatch(/\d/);
    }
    expect(within(figure('Payment Success Rate')).getByText('50%')).toBeInTheDocument();
    expect(within(figure('New customers')).getByText('3')).toBeInTheDocument();
  });

  it('shows every figure as Unavailable when the last refresh failed', () => {
    renderWithProviders(<KeyMetrics data={undefined} failed loading={false} />);
    expect(screen.getAllByText('Unavailable')).toHaveLength(7);
    expect(screen.queryByText(/€0\.00|^0$/)).toBeNull();
  });

  it('says why a rate is undefined instead of showing 0%', () => {
    renderWithProviders(<KeyMetrics data={{ ...figures, churnRate: null, paymentSuccessRate: null }} failed={false} loading={false} />);
    expect(within(figure('Churn Rate')).getByText('—')).toBeInTheDocument();
    expect(within(figure('Churn Rate')).getByText('No active subscriptions at the start of the period.')).toBeInTheDocument();
    expect(within(figure('Payment Success Rate')).getByText('No payment attempts in the period.')).toBeInTheDocument();
  });

  it('lists MRR in a currency without a rate on its own line, not added in', () => {
    renderWithProviders(
      <KeyMetrics data={{ ...figures, unconverted: { mrr: [{ amount: 1200, currency: 'USD' }], revenue: [] } }} failed={false} loading={false} />,
    );
    const mrr = figure('Monthly Recurring Revenue');
    expect(within(mrr).getByText('€9.99')).toBeInTheDocument();
    expect(within(mrr).getByRole('listitem')).toHaveTextContent('Not converted (no rate): 12.00 USD');
  });
});
