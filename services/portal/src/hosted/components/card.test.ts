import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { cardProblems, passesLuhn, toCardInput } from './card';

const NOW = new Date('2026-12-02T12:00:00Z');
const card = (over: Partial<Parameters<typeof cardProblems>[0]> = {}) => ({ number: '4242 4242 4242 4242', expMonth: '12', expYear: '2026', cvc: '123', ...over });

describe('card checks in the browser', () => {
  it.each([
    ['4242424242424242', true],
    ['4000000000009995', true],
    ['5555555555554444', true],
    ['4242424242424241', false],
    ['', false],
  ])('Luhn of %s is %s', (digits, valid) => {
    expect(passesLuhn(digits)).toBe(valid);
  });

  it('takes a card that expires this month', () => {
    expect(cardProblems(card(), en, NOW)).toEqual({});
  });

  it('refuses an expired card, a bad month and a short CVC, all at once', () => {
    expect(cardProblems(card({ expMonth: '11', cvc: '1' }), en, NOW)).toEqual({ 'card.expYear': en.card.expired, 'card.cvc': en.card.invalidCvc });
    expect(cardProblems(card({ expMonth: '13' }), en, NOW)).toEqual({ 'card.expMonth': en.card.invalidMonth });
  });

  it('sends the digits alone, and a two-digit year as this century', () => {
    expect(toCardInput(card({ number: '4242-4242 4242 4242', expMonth: '07', expYear: '31' }))).toEqual({ number: '4242424242424242', expMonth: 7, expYear: 2031, cvc: '123' });
  });
});
