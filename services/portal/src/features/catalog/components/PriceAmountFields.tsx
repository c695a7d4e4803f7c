import { CURRENCIES } from '@azotte/currencies';
import type { UseFormReturn } from 'react-hook-form';
import { Field, Fieldset, MoneyInput } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { INTERVALS, STRATEGIES, TIERS_MODES, type PriceFormValues } from '../model/price-form';
import { TiersEditor } from './TiersEditor';

const text = t.catalog.priceForm;

/** Currency, strategy and amounts (or tiers), and the billing period of the price form. */
export function PriceAmountFields({ form, preferredCurrencies }: { form: UseFormReturn<PriceFormValues>; preferredCurrencies: readonly string[] }) {
  const { register, watch, formState } = form;
  const errors = formState.errors;
  const currency = watch('currency');
  const strategy = watch('strategy');
  const others = CURRENCIES.filter((c) => !preferredCurrencies.includes(c));

  return (
    <>
      <div className="grid-2">
        <Field label={text.currency} error={errors.currency?.message} hint={text.currencyHint}>
          <select {...register('currency')}>
            {preferredCurrencies.length > 0 ? (
              <optgroup label={text.storefrontCurrencies}>
                {preferredCurrencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={text.allCurrencies}>
              {others.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
      </div>

      <Fieldset legend={text.strategy} error={errors.strategy?.message}>
        <div className="cat-choice-cards">
          {STRATEGIES.map((s) => (
            <label key={s} className="cat-choice-card">
              <input type="radio" value={s} {...register('strategy')} />
              <span>
                <span className="cat-choice-title">{t.catalog.strategies[s].label}</span>
                <span className="cat-choice-description">{t.catalog.strategies[s].description}</span>
              </span>
            </label>
          ))}
        </div>
      </Fieldset>

      {strategy === 'tiered' ? (
        <>
          <Fieldset legend={text.tiersMode} error={errors.tiersMode?.message}>
            <div className="cat-choice-cards cat-choice-cards-2">
              {TIERS_MODES.map((mode) => (
                <label key={mode} className="cat-choice-card">
                  <input type="radio" value={mode} {...register('tiersMode')} />
                  <span>
                    <span className="cat-choice-title">{t.catalog.tiersModes[mode].label}</span>
                    <span className="cat-choice-description">{t.catalog.tiersModes[mode].description}</span>
                  </span>
                </label>
              ))}
            </div>
          </Fieldset>
          <Fieldset legend={text.tiers}>
            <TiersEditor form={form} currency={currency} />
          </Fieldset>
        </>
      ) : (
        <div className="grid-2">
          <Field label={strategy === 'flat' ? text.amountFlat : text.amountPerUnit} error={errors.amount?.message} hint={strategy === 'flat' ? text.amountFlatHint : text.amountPerUnitHint}>
            <MoneyInput currency={currency} placeholder={text.amountPlaceholder} {...register('amount')} />
          </Field>
        </div>
      )}

      <div className="grid-2">
        <Field label={text.interval} error={errors.interval?.message}>
          <select {...register('interval')}>
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {t.catalog.interval.names[i]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={text.intervalCount} error={errors.intervalCount?.message} hint={text.intervalCountHint}>
          <input type="text" inputMode="numeric" autoComplete="off" {...register('intervalCount')} />
        </Field>
      </div>

      <div className="grid-2">
        <Field label={text.setupFee} error={errors.setupFee?.message} hint={text.setupFeeHint}>
          <MoneyInput currency={currency} placeholder={t.common.optional} {...register('setupFee')} />
        </Field>
        <Field label={text.trialDays} error={errors.trialDays?.message} hint={text.trialDaysHint}>
          <input type="text" inputMode="numeric" autoComplete="off" {...register('trialDays')} />
        </Field>
      </div>
    </>
  );
}
