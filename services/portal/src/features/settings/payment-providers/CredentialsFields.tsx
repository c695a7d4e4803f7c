import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button, Field, Fieldset } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import type { CredentialRow } from './credentials';

const copy = t.settings.providers;

/** Rows of credential name + secret: password inputs, never prefilled, never shown back. */
export function CredentialsFields({ disabled }: { disabled?: boolean }) {
  const { control, register, formState } = useFormContext<{ credentials: CredentialRow[] }>();
  const { fields, append, remove } = useFieldArray({ control, name: 'credentials' });
  const errors = formState.errors.credentials;
  return (
    <Fieldset legend={copy.credentials}>
      <p className="field-hint settings-fieldset-hint">{copy.credentialsHint}</p>
      <ul className="settings-pairs">
        {fields.map((field, index) => {
          const rowErrors = Array.isArray(errors) ? errors[index] : undefined;
          const n = index + 1;
          return (
            <li key={field.id} className="settings-pair">
              <Field
                label={
                  <>
                    {copy.credentialKey}{' '}
                    <span className="sr-only">{copy.rowLabel(n)}</span>
                  </>
                }
                error={rowErrors?.key?.message}
              >
                <input type="text" autoComplete="off" spellCheck={false} placeholder={copy.credentialKeyExample} disabled={disabled} {...register(`credentials.${index}.key`)} />
              </Field>
              <Field
                label={
                  <>
                    {copy.credentialValue}{' '}
                    <span className="sr-only">{copy.rowLabel(n)}</span>
                  </>
                }
                error={rowErrors?.value?.message}
              >
                {/* new-password: the browser must not fill in a saved password here. */}
                <input type="password" autoComplete="new-password" spellCheck={false} disabled={disabled} {...register(`credentials.${index}.value`)} />
              </Field>
              <Button variant="ghost" size="small" className="settings-pair-remove" onClick={() => remove(index)} aria-label={copy.removeCredential(n)} disabled={disabled}>
                {t.settings.fx.removeShort}
              </Button>
            </li>
          );
        })}
      </ul>
      <div>
        <Button size="small" onClick={() => append({ key: '', value: '' })} disabled={disabled}>
          {copy.addCredential}
        </Button>
      </div>
    </Fieldset>
  );
}
