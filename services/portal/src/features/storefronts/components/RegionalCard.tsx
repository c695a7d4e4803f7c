import { memo } from 'react';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { Card, Field, Fieldset } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { countryOptions } from '../../../lib/countries';
import { currencyOptions } from '../model/currencies';
import { LOCALE_EXAMPLES, localeName, timeZones } from '../model/regional';
import { defaultCurrencyAfter, type StorefrontFormValues } from '../model/storefront-form';
import { CodeChips } from '../../../lib/components/CodeChips';
import { PercentInput } from './PercentInput';
import { useReadOnly } from './ReadOnly';

const text = t.storefronts.regional;

/** Countries, currencies and the default one, locale, time zone and tax. */
export function RegionalCard({ form }: { form: UseFormReturn<StorefrontFormValues> }) {
  const { control, register, setValue, getValues, formState } = form;
  const errors = formState.errors.regional;
  const [currencies, locale, zone] = useWatch({ control, name: ['regional.currencies', 'regional.locale', 'regional.timezone'] });
  const named = localeName(locale);
  const readOnly = useReadOnly();

  return (
    <Card title={text.title}>
      <div className="sf-regional">
        <Controller
          control={control}
          name="regional.countries"
          render={({ field, fieldState }) => (
            <Field label={text.countries} error={fieldState.error?.message} hint={text.countriesHint} className="sf-span-2">
              <CodeChips
                readOnly={readOnly}
                value={field.value}
                onChange={field.onChange}
                options={countryOptions()}
                listLabel={text.chosenCountries}
                addLabel={text.addCountry}
                removeLabel={(o) => text.remove(o.name)}
                unknown={text.unknownCountry}
                placeholder={text.countryPlaceholder}
              />
            </Field>
          )}
        />
        <Controller
          control={control}
          name="regional.currencies"
          render={({ field, fieldState }) => (
            <Field label={text.currencies} error={fieldState.error?.message} hint={text.currenciesHint}>
              <CodeChips
                readOnly={readOnly}
                value={field.value}
                onChange={(next) => {
                  field.onChange(next);
                  // The default currency must be one of them: it follows when it is removed.
                  const current = getValues('regional.defaultCurrency');
                  const after = defaultCurrencyAfter(next, current);
                  if (after !== current) setValue('regional.defaultCurrency', after, { shouldDirty: true, shouldValidate: formState.isSubmitted });
                }}
                options={currencyOptions()}
                listLabel={text.chosenCurrencies}
                addLabel={text.addCurrency}
                removeLabel={(o) => text.remove(o.name)}
                unknown={text.unknownCurrency}
                placeholder={text.currencyPlaceholder}
              />
            </Field>
          )}
        />
        <Field label={text.defaultCurrency} error={errors?.defaultCurrency?.message} hint={text.defaultCurrencyHint}>
          <select {...register('regional.defaultCurrency')}>
            {currencies.length === 0 ? <option value="">{text.noCurrency}</option> : null}
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field label={text.locale} error={errors?.locale?.message} hint={named ? text.localeNamed(named) : text.localeHint}>
          <input type="text" list="sf-locale-examples" autoComplete="off" spellCheck={false} {...register('regional.locale')} />
        </Field>
        <LocaleExamples />
        <Field label={text.timezone} error={errors?.timezone?.message} hint={text.timezoneHint}>
          <select {...register('regional.timezone')}>
            <TimeZoneOptions extra={zone} />
          </select>
        </Field>
        <Fieldset legend={text.taxBehavior} error={errors?.taxBehavior?.message}>
          <div className="sf-radio-stack">
            {(['exclusive', 'inclusive'] as const).map((b) => (
              <label key={b} className="checkbox">
                <input type="radio" value={b} {...register('regional.taxBehavior')} />
                <span>
                  <strong>{text.taxBehaviors[b].label}</strong> <span className="muted">{text.taxBehaviors[b].description}</span>
                </span>
              </label>
            ))}
          </div>
        </Fieldset>
        <Field label={text.taxRate} error={errors?.taxRatePercent?.message} hint={text.taxRateHint}>
          <PercentInput placeholder={text.taxRatePlaceholder} {...register('regional.taxRatePercent')} />
        </Field>
      </div>
    </Card>
  );
}

/** Some four hundred zones: rendered once, not on every keystroke of the form. */
const TimeZoneOptions = memo(function TimeZoneOptions({ extra }: { extra: string }) {
  const zones = timeZones();
  return (
    <>
      {/* A zone stored earlier that this browser does not list stays choosable. */}
      {extra && !zones.includes(extra) ? <option value={extra}>{extra}</option> : null}
      {zones.map((z) => (
        <option key={z} value={z}>
          {z.replace(/_/g, ' ')}
        </option>
      ))}
    </>
  );
});

const LocaleExamples = memo(function LocaleExamples() {
  return (
    <datalist id="sf-locale-examples">
      {LOCALE_EXAMPLES.map((l) => (
        <option key={l} value={l} />
      ))}
    </datalist>
  );
});
