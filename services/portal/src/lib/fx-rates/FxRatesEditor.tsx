import { CURRENCIES } from '@azotte/currencies';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Button, Field, Fieldset } from '../components';
import { t } from '../i18n';
import type { FxRow } from './rates';
import './fx-rates.css';

/** The part of a form the editor works on: `fxRates` rows (see rates.ts for the map they become). */
export interface FxRatesFormPart {
  fxRates: FxRow[];
}

/**
 * Edits exchange rates as rows of currency + decimal string inside the
 * surrounding react-hook-form (FormProvider). Every input has its visible
 * label; the row number is added for assistive technology, where the labels
 * would otherwise repeat.
 */
export function FxRatesEditor({ reportingCurrency }: { reportingCurrency: string }) {
  const { control, register, formState } = useFormContext<FxRatesFormPart>();
  const { fields, append, remove } = useFieldArray({ control, name: 'fxRates' });
  const rows = useWatch({ control, name: 'fxRates' }) ?? [];
  const errors = formState.errors.fxRates;
  const fx = t.settings.fx;
  return (
    <Fieldset legend={fx.legend}>
      <p className="field-hint fx-hint">{fx.hint(reportingCurrency)}</p>
      {fields.length === 0 ? <p className="muted fx-none">{fx.none}</p> : null}
      <ul className="fx-rows">
        {fields.map((field, index) => {
          const currency = rows[index]?.currency ?? '';
          const rowErrors = Array.isArray(errors) ? errors[index] : undefined;
          const n = index + 1;
          return (
            <li key={field.id} className="fx-row">
              <Field
                className="fx-currency"
                label={
                  <>
                    {fx.currency}{' '}
                    <span className="sr-only">{fx.rowLabel(n)}</span>
                  </>
                }
                error={rowErrors?.currency?.message}
              >
                <select {...register(`fxRates.${index}.currency`)}>
                  <option value="">{fx.chooseCurrency}</option>
                  {CURRENCIES.map((code) => (
                    <option key={code} value={code}>
                      {code}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                className="fx-rate"
                label={
                  <>
                    {fx.rate(currency, reportingCurrency)}{' '}
                    <span className="sr-only">{fx.rowLabel(n)}</span>
                  </>
                }
                error={rowErrors?.rate?.message}
              >
                <input
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={fx.rateExample}
                  {...register(`fxRates.${index}.rate`)}
                />
              </Field>
              <Button variant="ghost" size="small" className="fx-remove" onClick={() => remove(index)} aria-label={fx.remove(currency, n)}>
                {fx.removeShort}
              </Button>
            </li>
          );
        })}
      </ul>
      <div>
        <Button size="small" onClick={() => append({ currency: '', rate: '' })}>
          {fx.add}
        </Button>
      </div>
    </Fieldset>
  );
}
