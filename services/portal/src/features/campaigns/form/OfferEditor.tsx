import { CURRENCIES } from '@azotte/currencies';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { Field, MoneyInput } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { OFFER_TYPES, type OfferType } from '../model/offer';
import { messageAt } from './errors';
import { SuffixInput } from './SuffixInput';
import type { CampaignValues } from './values';

const o = t.campaigns.offer;

/** Where an offer sits in the campaign form: the campaign's own, or a variant's. */
export type OfferPath = 'offer' | `variants.${number}.offer`;

/**
 * An offer: its type, then that type's fields — the percentage, or the
 * amount typed as text in its currency (sent as integer minor units), and
 * how many billing cycles it lasts; or the extra trial days.
 */
export function OfferEditor({ prefix }: { prefix: OfferPath }) {
  const { register, control } = useFormContext<CampaignValues>();
  const { errors } = useFormState({ control });
  const type = useWatch({ control, name: `${prefix}.type` }) as OfferType;
  const currency = useWatch({ control, name: `${prefix}.currency` }) as string;
  const error = (field: string) => messageAt(errors, `${prefix}.${field}`);
  return (
    <div className="cmp-offer-editor">
      <Field label={o.type} error={error('type')}>
        <select {...register(`${prefix}.type`)}>
          {OFFER_TYPES.map((value) => (
            <option key={value} value={value}>
              {o.types[value]}
            </option>
          ))}
        </select>
      </Field>
      {type === 'percent_off' ? (
        <Field label={o.percentOff} error={error('percentOff')} hint={o.percentHint}>
          <SuffixInput suffix="%" inputMode="decimal" placeholder="25" {...register(`${prefix}.percentOff`)} />
        </Field>
      ) : null}
      {type === 'amount_off' ? (
        <>
          <Field label={o.currency} error={error('currency')} hint={o.currencyHint}>
            <select {...register(`${prefix}.currency`)}>
              <option value="">{o.chooseCurrency}</option>
              {CURRENCIES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </Field>
          <Field label={o.amountOff} error={error('amountOff')}>
            <MoneyInput currency={currency || '—'} placeholder="5.00" {...register(`${prefix}.amountOff`)} />
          </Field>
        </>
      ) : null}
      {type === 'trial_extension' ? (
        <Field label={o.trialDays} error={error('trialDays')}>
          <SuffixInput suffix={o.daysUnit} inputMode="numeric" placeholder="14" {...register(`${prefix}.trialDays`)} />
        </Field>
      ) : (
        <Field label={o.durationCycles} error={error('durationCycles')} hint={o.durationHint}>
          <SuffixInput suffix={o.cyclesUnit} inputMode="numeric" placeholder={o.foreverPlaceholder} {...register(`${prefix}.durationCycles`)} />
        </Field>
      )}
    </div>
  );
}
