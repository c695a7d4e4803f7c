/**
 * The sandbox provider's cards (API.md "Billing"), listed on a sandbox's
 * hosted pages so that a tester need not look them up. Production lists none.
 */
export const SANDBOX_TEST_CARDS = [
  { number: '4242424242424242', description: 'Succeeds' },
  { number: '4000000000000002', description: 'Declined (card_declined)' },
  { number: '4000000000009995', description: 'Declined (insufficient_funds)' },
  { number: '4000000000000341', description: 'Attaches, then every charge is declined' },
] as const;

export const testCardsFor = (kind: 'production' | 'sandbox') => (kind === 'sandbox' ? [...SANDBOX_TEST_CARDS] : []);
