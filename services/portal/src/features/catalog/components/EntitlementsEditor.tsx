import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { Button, Field } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import type { BundleFormValues } from '../model/bundle-form';
import { emptyEntitlementRow, ENTITLEMENT_TYPES, initialValueFor, type EntitlementType } from '../model/entitlements';

const text = t.catalog.entitlements;

/**
 * What a bundle grants, as rows of key + type + value. The value's control
 * follows the type: a yes/no choice for a boolean, a number field, or text,
 * and the API receives the typed value (`true`, `4`, `"HD"`).
 */
export function EntitlementsEditor({ form, disabled }: { form: UseFormReturn<BundleFormValues>; disabled?: boolean }) {
  const { control, register, setValue, formState } = form;
  // The type select is not registered: it is set with setValue, and read back here to pick the value's control.
  const rows = useWatch({ control, name: 'entitlements' });
  const { fields, append, remove } = useFieldArray({ control, name: 'entitlements' });
  const rowErrors = formState.errors.entitlements;

  const changeType = (index: number, type: EntitlementType) => {
    const previous = form.getValues(`entitlements.${index}.type`);
    setValue(`entitlements.${index}.type`, type, { shouldDirty: true });
    // Text typed as a number stays when it becomes a string (and back); a yes/no does not carry over.
    if (previous === 'boolean' || type === 'boolean') setValue(`entitlements.${index}.value`, initialValueFor(type), { shouldDirty: true });
  };

  return (
    <div className="cat-entitlements-editor">
      {fields.length === 0 ? <p className="muted cat-editor-empty">{text.empty}</p> : null}
      {typeof rowErrors?.message === 'string' ? (
        <p className="field-error" role="alert">
          {rowErrors.message}
        </p>
      ) : null}
      {fields.map((field, index) => {
        const n = index + 1;
        const type = rows[index]?.type ?? field.type;
        const errors = rowErrors?.[index];
        return (
          <div key={field.id} className="cat-editor-row cat-entitlement-row" role="group" aria-label={text.rowLabel(n)}>
            <Field label={text.key} error={errors?.key?.message} className="cat-entitlement-key">
              <input
                type="text"
                autoComplete="off"
                spellCheck={false}
                placeholder={text.keyPlaceholder}
                disabled={disabled}
                aria-label={`${text.key} ${text.ofRow(n)}`}
                {...register(`entitlements.${index}.key`)}
              />
            </Field>
            <Field label={text.type} error={errors?.type?.message} className="cat-entitlement-type">
              <select value={type} disabled={disabled} aria-label={`${text.type} ${text.ofRow(n)}`} onChange={(e) => changeType(index, e.target.value as EntitlementType)}>
                {ENTITLEMENT_TYPES.map((option) => (
                  <option key={option} value={option}>
                    {text.types[option]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={text.value} error={errors?.value?.message} className="cat-entitlement-value">
              {type === 'boolean' ? (
                <select disabled={disabled} aria-label={`${text.value} ${text.ofRow(n)}`} {...register(`entitlements.${index}.value`)}>
                  <option value="true">{text.true}</option>
                  <option value="false">{text.false}</option>
                </select>
              ) : (
                <input
                  type="text"
                  autoComplete="off"
                  inputMode={type === 'number' ? 'decimal' : undefined}
                  placeholder={type === 'number' ? text.numberPlaceholder : text.stringPlaceholder}
                  disabled={disabled}
                  aria-label={`${text.value} ${text.ofRow(n)}`}
                  {...register(`entitlements.${index}.value`)}
                />
              )}
            </Field>
            {disabled ? null : (
              <Button variant="ghost" size="small" className="cat-row-remove" aria-label={text.remove(n)} onClick={() => remove(index)}>
                {t.catalog.remove}
              </Button>
            )}
          </div>
        );
      })}
      {disabled ? null : (
        <div>
          <Button size="small" onClick={() => append(emptyEntitlementRow())}>
            {text.add}
          </Button>
        </div>
      )}
    </div>
  );
}

