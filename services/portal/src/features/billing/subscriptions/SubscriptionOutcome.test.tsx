import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { aPayment, aSubscription, anInvoice, cacheWith } from '../testing';
import { SubscriptionOutcome } from './SubscriptionOutcome';

/** The names the outcome shows: the bundle and the customer. */
const names: Array<[unknown[], unknown]> = [
  [['bundles', 'bun_01TEST'], { id: 'bun_01TEST', name: 'Streamly Pro' }],
  [['customers', 'cus_01TEST'], { id: 'cus_01TEST', name: 'Ann Example', email: 'ann@example.com' }],
];

describe('the outcome of Create subscription', () => {
  it('says an active subscription was paid, and what was subscribed to by whom', () => {
    renderWithProviders(<SubscriptionOutcome subscription={aSubscription({ status: 'active' })} />, { client: cacheWith(names) });
    expect(screen.getByRole('status')).toHaveTextContent('Active: the first invoice was paid.');
    expect(screen.getByRole('status')).toHaveTextContent('Streamly Pro · €19.99 / month · for Ann Example');
  });

  it('says a trial charges nothing until it ends', () => {
    renderWithProviders(<SubscriptionOutcome subscription={aSubscription({ status: 'trialing', trialEnd: '2026-12-10T10:00:00.000Z' })} />, { client: cacheWith(names) });
    expect(screen.getByRole('status')).toHaveTextContent('Trialing: nothing is charged until the trial ends');
  });

  it('gives the decline reason of an incomplete one: the failureCode of its latest invoice’s latest payment', async () => {
    const client = cacheWith([
      ...names,
      [['invoices', 'inv_01TEST'], anInvoice({ status: 'open', amountPaid: 0, paymentIds: ['pay_01A', 'pay_01B'] })],
      [['payments', 'pay_01A'], aPayment({ id: 'pay_01A', status: 'failed', failureCode: 'card_declined' })],
      [['payments', 'pay_01B'], aPayment({ id: 'pay_01B', status: 'failed', failureCode: 'insufficient_funds' })],
    ]);
    renderWithProviders(<SubscriptionOutcome subscription={aSubscription({ status: 'incomplete' })} />, { client });
    const outcome = screen.getByRole('status');
    expect(outcome).toHaveTextContent('Incomplete: the first payment was declined.');
    expect(await screen.findByText('Insufficient funds. (insufficient_funds)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Pay the invoice' })).toHaveAttribute('href', '/invoices/inv_01TEST');
  });
});
