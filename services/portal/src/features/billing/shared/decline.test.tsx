import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { t } from '../../../lib/i18n';
import { DeclineReason } from './DeclineReason';

describe('a decline in words', () => {
  it('says what the sandbox codes mean, with the code beside the words', () => {
    expect(t.billing.decline('card_declined')).toBe('The card was declined. (card_declined)');
    expect(t.billing.decline('insufficient_funds')).toBe('Insufficient funds. (insufficient_funds)');
  });

  it('still names a code it has no words for', () => {
    expect(t.billing.decline('velocity_exceeded')).toBe('The payment was declined. (velocity_exceeded)');
  });

  it('says the payment was declined when no code was given', () => {
    expect(t.billing.decline(undefined)).toBe('The payment was declined.');
    expect(t.billing.decline(null)).toBe('The payment was declined.');
  });

  it('is shown as text, never as a colour alone', () => {
    render(<DeclineReason code="insufficient_funds" />);
    expect(screen.getByText('Insufficient funds. (insufficient_funds)')).toBeInTheDocument();
  });
});
