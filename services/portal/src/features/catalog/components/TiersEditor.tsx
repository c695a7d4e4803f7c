import { useEffect, useState } from 'react';
import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { Button, Field, MoneyInput } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import type { PriceFormValues } from '../model/price-form';
import { emptyTierRow, tierFrom } from '../model/tiers';

const text = t.catalog.tiers;

/**
 * The tiers of a tiered price, as rows "from … up to …": each row's first
 * quantity follows from the bound before it, and the last row is always
 * unbounded ("and above"), as the API wants it. Amounts are typed as text in
 * the price's currency and sent as integer minor units. Each control's
 * name says its row ("Up to (tier 2)"); the visible labels are the columns'.
 */
export function TiersEditor({ form, currency }: { form: UseFormReturn<PriceFormValues>; currency: string }) {
  const { control, register, formState, setFocus } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'tiers' });
  const rows = useWatch({ control, name: 'tiers' });
  const errors = formState.errors.tiers;
  // After a tier is added, the row that was last needs its bound: focus it once it renders as a field.
  const [focusBound, setFocusBound] = useState<number | undefined>();
  useEffect(() => {
    if (focusBound !== undefined) {
      setFocus(`tiers.${focusBound}.upTo`);
      setFocusBound(undefined);
    }
  }, [focusBound, setFocus]);

  const add = () => {
    append(emptyTierRow(), { shouldFocus: false });
    setFocusBound(fields.length - 1);
  };

  return (
    <div className="cat-tiers-editor">
      {typeof errors?.message === 'string' ? (
        <p className="field-error" role="alert">
          {errors.message}
        </p>
      ) : null}
      {fields.map((field, index) => {
        const n = index + 1;
        const last = index === fields.length - 1;
        const from = tierFrom(rows, index);
        const rowErrors = errors?.[index];
        return (
          <div key={field.id} className="cat-editor-row cat-tier-row" role="group" aria-label={text.rowLabel(n)}>
            <div className="cat-tier-from">
              <span className="cat-tier-from-label">
                {text.from}
              </span>
              <span className="cat-tier-from-value">{from ?? '…'}</span>
            </div>
            {last ? (
              <div className="cat-tier-unbounded">
                <span className="cat-tier-from-label">
                  {text.upTo}
                </span>
                <span className="cat-tier-from-value">{text.andAbove}</span>
              </div>
            ) : (
              <Field label={text.upTo} error={rowErrors?.upTo?.message} className="cat-tier-up-to">
                <input type="text" inputMode="numeric" autoComplete="off" aria-label={`${text.upTo} ${text.ofRow(n)}`} {...register(`tiers.${index}.upTo`)} />
              </Field>
            )}
            <Field label={text.unitAmount} error={rowErrors?.unitAmount?.message} className="cat-tier-amount">
              <MoneyInput currency={currency} placeholder={text.amountPlaceholder} aria-label={`${text.unitAmount} ${text.ofRow(n)}`} {...register(`tiers.${index}.unitAmount`)} />
            </Field>
            <Field label={text.flatAmount} error={rowErrors?.flatAmount?.message} className="cat-tier-amount">
              <MoneyInput
                currency={currency}
                placeholder={t.common.optional}
                aria-label={`${text.flatAmount} ${text.ofRow(n)}`}
                {...register(`tiers.${index}.flatAmount`)}
              />
            </Field>
            <Button variant="ghost" size="small" className="cat-row-remove" aria-label={text.remove(n)} disabled={fields.length === 1} onClick={() => remove(index)}>
              {t.catalog.remove}
            </Button>
          </div>
        );
      })}
      <div className="row">
        <Button size="small" onClick={add} disabled={fields.length >= 50}>
          {text.add}
        </Button>
        <p className="field-hint">{text.hint}</p>
      </div>
    </div>
  );
}

