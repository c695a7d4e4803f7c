import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { aMe, cacheWith } from '../testing';
import { AddCardDialog } from './AddCardDialog';
import { cardSchema, toCardBody } from './card-form';

const open = (kind: 'production' | 'sandbox') =>
  renderWithProviders(<AddCardDialog customerId="cus_01TEST" hasCards={false} open onClose={() => undefined} />, { client: cacheWith([[['me'], aMe({ kind })]]) });

describe('adding a card', () => {
  it('lists the test cards in a sandbox, and Use fills the number', async () => {
    open('sandbox');
    const cards = screen.getByRole('table', { name: 'Sandbox test cards' });
    expect(within(cards).getAllByRole('row')).toHaveLength(5);
    await userEvent.click(screen.getByRole('button', { name: 'Use test card 4000000000000341' }));
    expect(screen.getByRole('textbox', { name: 'Card number' })).toHaveValue('4000 0000 0000 0341');
    expect(screen.getByRole('textbox', { name: 'CVC' })).toHaveValue('123');
  });

  it('lists no test cards in production', () => {
    open('production');
    expect(screen.queryByRole('table', { name: 'Sandbox test cards' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Use test card/ })).not.toBeInTheDocument();
  });

  it('checks the shape in the browser and leaves Luhn to the API', () => {
    const ok = (number: string) => cardSchema.safeParse({ card: { number, expMonth: '12', expYear: '2030', cvc: '123' }, default: true }).success;
    expect(ok('4242 4242 4242 4242')).toBe(true);
    expect(ok('4242424242424241')).toBe(true); // fails Luhn: the API's 400 names card.number
    expect(ok('4242')).toBe(false);
    expect(ok('4242-4242-4242-424x')).toBe(false);
  });

  it('sends the digits alone, and the expiry as numbers', () => {
    expect(toCardBody({ card: { number: '4242 4242 4242 4242', expMonth: '7', expYear: '2031', cvc: '123' }, default: false })).toEqual({
      type: 'card',
      card: { number: '4242424242424242', expMonth: 7, expYear: 2031, cvc: '123' },
      default: false,
    });
  });
});
