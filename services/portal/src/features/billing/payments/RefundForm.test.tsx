import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { aPayment } from '../testing';
import { refundDefaults, refundSchema, toRefundBody } from './refund-form';
import { RefundForm } from './RefundForm';

const partlyRefunded = aPayment({ amount: 2500, amountRefunded: 1000, status: 'partially_refunded' });

describe('the refund amount', () => {
  it('starts at what remains of the payment: amount − amountRefunded', () => {
    renderWithProviders(<RefundForm payment={partlyRefunded} />);
    expect(screen.getByRole('textbox', { name: 'Amount' })).toHaveValue('15.00');
    expect(screen.getByText('At most €15.00, what remains of the payment.')).toBeInTheDocument();
  });

  it('is refused in the browser when it is more than what remains', async () => {
    renderWithProviders(<RefundForm payment={partlyRefunded} />);
    const amount = screen.getByRole('textbox', { name: 'Amount' });
    await userEvent.clear(amount);
    await userEvent.type(amount, '15.01');
    await userEvent.click(screen.getByRole('button', { name: 'Refund payment' }));
    expect(await screen.findByText('must be at most €15.00, what remains')).toBeInTheDocument();
    expect(amount).toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses nothing, a negative amount and more decimals than the currency has', async () => {
    const schema = refundSchema(partlyRefunded);
    const reason = (amount: string) => schema.safeParse({ amount, reason: '' }).error?.issues[0]?.message;
    expect(reason('0')).toBe('must be more than 0');
    expect(reason('-1')).toBe('must not be negative');
    expect(reason('1.234')).toBe('has more decimals than EUR has');
    expect(reason('abc')).toBe('must be an amount such as 9.99');
    expect(reason('15')).toBeUndefined();
  });

  it('is sent as integer minor units, parsed from the text and never through a float', () => {
    // 0.1 + 0.2 is not 0.3 in floating point; typed text never goes through one.
    expect(toRefundBody({ amount: '0.30', reason: '' }, partlyRefunded)).toEqual({ amount: 30 });
    expect(toRefundBody({ amount: '14.99', reason: ' duplicate ' }, partlyRefunded)).toEqual({ amount: 1499, reason: 'duplicate' });
    expect(Number.isInteger(toRefundBody({ amount: '1,234.56', reason: '' }, aPayment({ amount: 999_999 })).amount)).toBe(true);
  });

  it('follows the currency’s exponent: yen have no decimals', () => {
    const yen = aPayment({ amount: 1200, currency: 'JPY' });
    expect(refundDefaults(yen).amount).toBe('1200');
    expect(refundSchema(yen).safeParse({ amount: '12.5', reason: '' }).success).toBe(false);
    expect(toRefundBody({ amount: '1200', reason: '' }, yen)).toEqual({ amount: 1200 });
  });
});
