import { passesLuhn } from '../src/providers/card-checks';
import { SandboxProvider } from '../src/providers/sandbox';

const card = (number: string) => ({ number, expMonth: 12, expYear: 2040, cvc: '123' });

describe('the sandbox provider', () => {
  const sandbox = new SandboxProvider();

  it.each([
    ['4242424242424242', 'succeeded', undefined],
    ['4000000000000341', 'declined', 'card_declined'],
    ['5555555555554444', 'succeeded', undefined],
  ])('attaches %s, and its charges are %s', async (number, status, code) => {
    const attached = await sandbox.attachPaymentMethod(card(number), 'pm_1');
    if (!attached.ok) throw new Error('expected the card to attach');
    expect(attached.card.token).not.toContain(number);
    const charge = await sandbox.charge({ token: attached.card.token, amount: 100, currency: 'EUR', idempotencyKey: 'inv:1' });
    expect(charge.status).toBe(status);
    if (charge.status === 'declined') expect(charge.failureCode).toBe(code);
  });

  it.each([
    ['4000000000000002', 'card_declined'],
    ['4000000000009995', 'insufficient_funds'],
  ])('declines %s at attach with %s', async (number, code) => {
    expect(await sandbox.attachPaymentMethod(card(number), 'pm_1')).toEqual({ ok: false, declineCode: code });
  });

  it('charges once per idempotency key', async () => {
    const attached = await sandbox.attachPaymentMethod(card('4242424242424242'), 'pm_1');
    if (!attached.ok) throw new Error('expected the card to attach');
    const a = await sandbox.charge({ token: attached.card.token, amount: 100, currency: 'EUR', idempotencyKey: 'inv_1:1' });
    const b = await sandbox.charge({ token: attached.card.token, amount: 100, currency: 'EUR', idempotencyKey: 'inv_1:1' });
    expect(a).toEqual(b);
  });

  it.each([
    ['4242424242424242', true],
    ['4000000000000002', true],
    ['4242424242424241', false],
    ['1234', false],
    ['abcd', false],
  ])('Luhn: %s is %s', (number, valid) => {
    expect(passesLuhn(number)).toBe(valid);
  });
});
