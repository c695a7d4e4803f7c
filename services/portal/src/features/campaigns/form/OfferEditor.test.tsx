import { zodResolver } from '@hookform/resolvers/zod';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Schema } from '../../../lib/api';
import { describeOffer, emptyOffer, offerFromApi, offerSchema, offerToApi, type OfferValues } from '../model/offer';
import { OfferEditor } from './OfferEditor';
import type { CampaignValues } from './values';

function Harness({ initial, onOffer }: { initial: OfferValues; onOffer(offer: Schema<'OfferInput'>): void }) {
  const form = useForm<Pick<CampaignValues, 'offer'>>({ resolver: zodResolver(z.object({ offer: offerSchema })), defaultValues: { offer: initial } });
  return (
    <FormProvider {...(form as unknown as ReturnType<typeof useForm<CampaignValues>>)}>
      <form onSubmit={form.handleSubmit((v) => onOffer(offerToApi(v.offer)))}>
        <OfferEditor prefix="offer" />
        <button type="submit">Save</button>
      </form>
    </FormProvider>
  );
}

const setup = (initial: OfferValues = emptyOffer()) => {
  const onOffer = vi.fn();
  const user = userEvent.setup();
  render(<Harness initial={initial} onOffer={onOffer} />);
  return { user, onOffer };
};

async function amountOff(currency: string, typed: string) {
  const { user, onOffer } = setup();
  await user.selectOptions(screen.getByRole('combobox', { name: 'Offer type' }), 'amount_off');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), currency);
  await user.type(screen.getByRole('textbox', { name: 'Amount off' }), typed);
  await user.click(screen.getByRole('button', { name: 'Save' }));
  return onOffer;
}

describe('the offer editor', () => {
  it.each([
    // Each of these goes wrong through a float (0.29 × 100 = 28.999…).
    ['EUR', '0.29', 29],
    ['EUR', '4.35', 435],
    ['EUR', '1,234.56', 123456],
    ['JPY', '500', 500],
    ['KWD', '1.005', 1005],
  ])('sends %s %s as %i minor units, digit by digit', async (currency, typed, minor) => {
    const onOffer = await amountOff(currency, typed);
    expect(onOffer).toHaveBeenCalledWith({ type: 'amount_off', amountOff: minor, currency });
  });

  it('refuses an amount with more decimals than its currency has, beside the field', async () => {
    const onOffer = await amountOff('EUR', '5.555');
    expect(onOffer).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Amount off' })).toHaveAccessibleDescription('has more decimals than EUR has');
  });

  it('asks for a currency before an amount', async () => {
    const { user, onOffer } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Offer type' }), 'amount_off');
    await user.type(screen.getByRole('textbox', { name: 'Amount off' }), '5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onOffer).not.toHaveBeenCalled();
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveAccessibleDescription(/must be an ISO 4217 currency code/);
  });

  it('sends a percentage with its duration in cycles, and nothing of the other types', async () => {
    const { user, onOffer } = setup({ ...emptyOffer(), amountOff: '5', currency: 'EUR', trialDays: '7' });
    await user.type(screen.getByRole('textbox', { name: 'Percent off' }), '12.5');
    await user.type(screen.getByRole('textbox', { name: 'Duration in cycles' }), '3');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onOffer).toHaveBeenCalledWith({ type: 'percent_off', percentOff: 12.5, durationCycles: 3 });
  });

  it('checks the percentage and the cycles as the API does', async () => {
    const { user, onOffer } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Percent off' }), '120');
    await user.type(screen.getByRole('textbox', { name: 'Duration in cycles' }), '1.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onOffer).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Percent off' })).toHaveAccessibleDescription(/must be a number above 0 and at most 100/);
    expect(screen.getByRole('textbox', { name: 'Duration in cycles' })).toHaveAccessibleDescription(/must be a whole number from 1 to 1000/);
  });

  it('sends a trial extension as whole days', async () => {
    const { user, onOffer } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Offer type' }), 'trial_extension');
    expect(screen.queryByRole('textbox', { name: 'Duration in cycles' })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Extra trial days' }), '14');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onOffer).toHaveBeenCalledWith({ type: 'trial_extension', trialDays: 14 });
  });

  it('shows a stored amount as the text a person would type, in its currency', async () => {
    render(<Harness initial={offerFromApi({ type: 'amount_off', amountOff: 1999, currency: 'EUR', durationCycles: 2 })} onOffer={vi.fn()} />);
    expect(screen.getByRole('textbox', { name: 'Amount off' })).toHaveValue('19.99');
    expect(screen.getByRole('textbox', { name: 'Duration in cycles' })).toHaveValue('2');
    expect(offerFromApi({ type: 'amount_off', amountOff: 500, currency: 'JPY' }).amountOff).toBe('500');
  });
});

describe('an offer in words', () => {
  it('names the discount and how long it lasts', () => {
    expect(describeOffer({ type: 'percent_off', percentOff: 25, durationCycles: 3 })).toBe('25% off for 3 cycles');
    expect(describeOffer({ type: 'amount_off', amountOff: 500, currency: 'EUR' })).toMatch(/^€5\.00 off forever$/);
    expect(describeOffer({ type: 'trial_extension', trialDays: 14 })).toBe('14 extra trial days');
  });
});
