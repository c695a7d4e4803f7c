import { Controller, type UseFormReturn } from 'react-hook-form';
import { Field, Fieldset } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import type { Storefront } from '../api/queries';
import { countryOptions } from '../../../lib/countries';
import type { PriceFormValues } from '../model/price-form';
import { CodeChips } from '../../../lib/components/CodeChips';

const text = t.catalog.priceForm;

/** Where the price may be sold: some storefronts of the environment, some countries (none: everywhere). */
export function PriceRestrictionFields({ form, storefronts }: { form: UseFormReturn<PriceFormValues>; storefronts: readonly Storefront[] }) {
  const { control, watch } = form;
  const chosen = watch('storefrontIds');
  // Active storefronts, and any already chosen that has since been archived (the API will name it).
  const offered = storefronts.filter((s) => s.status === 'active' || chosen.includes(s.id));

  return (
    <>
      <Controller
        control={control}
        name="storefrontIds"
        render={({ field, fieldState }) => (
          <Fieldset legend={text.storefronts} error={fieldState.error?.message ?? itemError(fieldState.error)}>
            <p className="field-hint">{text.storefrontsHint}</p>
            {offered.length === 0 ? (
              <p className="muted">{text.noStorefronts}</p>
            ) : (
              <div className="cat-checkbox-list">
                {offered.map((s) => (
                  <label key={s.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={field.value.includes(s.id)}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, s.id] : field.value.filter((id) => id !== s.id))}
                    />
                    <span>
                      {s.name} <span className="muted mono">{s.slug}</span>
                      {s.status === 'archived' ? <span className="muted"> ({t.catalog.status.archived})</span> : null}
                    </span>
                  </label>
                ))}
              </div>
            )}
          </Fieldset>
        )}
      />
      <Controller
        control={control}
        name="countries"
        render={({ field, fieldState }) => (
          <Field label={text.countries} hint={text.countriesHint} error={fieldState.error?.message ?? itemError(fieldState.error)}>
            <CodeChips
              value={field.value}
              onChange={field.onChange}
              options={countryOptions()}
              listLabel={text.chosenCountries}
              addLabel={text.addCountry}
              removeLabel={(o) => text.removeCountry(o.name)}
              unknown={text.unknownCountry}
              placeholder={text.countryPlaceholder}
            />
          </Field>
        )}
      />
    </>
  );
}

/** An API error on one item of a list (`countries.1`), shown on the list's field. */
function itemError(error: unknown): string | undefined {
  if (!Array.isArray(error)) return undefined;
  return (error as Array<{ message?: string } | undefined>).find((e) => e?.message)?.message;
}
