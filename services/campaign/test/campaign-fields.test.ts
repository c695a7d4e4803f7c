import { validateCampaign } from '../src/domain/campaign-fields';
import { aCampaign } from './support/builders';

const pathsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    return (err as { fields: Array<{ path: string }> }).fields.map((f) => f.path);
  }
  throw new Error('expected the campaign to be refused');
};

describe('a campaign is checked whole', () => {
  it('normalises codes to upper case and keeps them as created for display', () => {
    const fields = validateCampaign({ ...aCampaign(), codes: [{ code: ' spring-26 ', maxRedemptions: 5, redemptions: 0 }] });
    expect(fields.codes).toEqual([{ code: 'SPRING-26', display: 'spring-26', maxRedemptions: 5 }]);
  });

  it('reports every problem at once, each with its path', () => {
    const paths = pathsOf(() =>
      validateCampaign({
        name: ' ',
        startsAt: '2026-05-01T00:00:00Z',
        endsAt: '2026-04-01T00:00:00Z',
        offer: { type: 'percent_off', percentOff: '0' },
        targeting: { all: [{ field: 'country', op: 'xx', value: 'DE' }] },
        codes: [
          { code: 'SPRING', redemptions: 0 },
          { code: 'spring', redemptions: 0 },
          { code: 'no', redemptions: 0 },
          { code: 'ÄPFEL', maxRedemptions: 0, redemptions: 0 },
        ],
        maxRedemptions: 0,
        variants: [
          { key: 'a', weight: 0, offer: { type: 'trial_extension', trialDays: 7 } },
          { key: 'b', weight: 1, offer: { type: 'trial_extension', trialDays: 7 } },
        ],
      }),
    );
    expect(paths).toEqual([
      'name',
      'endsAt',
      'offer.percentOff',
      'targeting.all.0.op',
      'codes.1.code',
      'codes.2.code',
      'codes.3.code',
      'codes.3.maxRedemptions',
      'maxRedemptions',
      'variants.0.weight',
    ]);
  });

  it('refuses timestamps that are not ones', () => {
    expect(pathsOf(() => validateCampaign({ ...aCampaign(), startsAt: 'tomorrow' }))).toEqual(['startsAt']);
  });
});
