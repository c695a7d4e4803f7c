import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Button, Field, Fieldset } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import type { CustomerValues } from './customer-form';

const text = t.customers.form;

/** Metadata as rows of key and value; the API's errors for `metadata.<key>` show under the group. */
export function MetadataEditor({ form }: { form: UseFormReturn<CustomerValues> }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'metadata' });
  const errors = form.formState.errors.metadata;
  return (
    <Fieldset legend={`${text.metadata} ${t.common.optional}`} error={errors?.message ?? errors?.root?.message}>
      <p className="field-hint cus-metadata-hint">{text.metadataHint}</p>
      {fields.length > 0 ? (
        <div className="cus-metadata-rows">
          {fields.map((row, i) => (
            <div key={row.id} className="cus-metadata-row">
              <Field label={text.metadataKey(i + 1)} error={errors?.[i]?.key?.message}>
                <input type="text" autoComplete="off" {...form.register(`metadata.${i}.key`)} />
              </Field>
              <Field label={text.metadataValue(i + 1)} error={errors?.[i]?.value?.message}>
                <input type="text" autoComplete="off" {...form.register(`metadata.${i}.value`)} />
              </Field>
              <Button variant="ghost" size="small" className="cus-metadata-remove" aria-label={text.removeMetadata(i + 1)} onClick={() => remove(i)}>
                ×
              </Button>
            </div>
          ))}
        </div>
      ) : null}
      <div>
        <Button size="small" onClick={() => append({ key: '', value: '' })} disabled={fields.length >= 50}>
          {text.addMetadata}
        </Button>
      </div>
    </Fieldset>
  );
}
