import { Controller, useWatch, type Control, type UseFormReturn } from 'react-hook-form';
import { Card, Field, Fieldset } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import type { StorefrontFormValues } from '../model/storefront-form';
import { ColorInput } from './ColorInput';
import { LivePreview } from './LivePreview';

const text = t.storefronts.branding;

/** Logo, primary colour and theme, beside the live preview they change. */
export function BrandingCard({ form }: { form: UseFormReturn<StorefrontFormValues> }) {
  const { register, control, formState } = form;
  const errors = formState.errors.branding;
  return (
    <Card title={text.title}>
      <div className="sf-branding">
        <div className="form">
          <Field label={text.logoUrl} error={errors?.logoUrl?.message} hint={text.logoUrlHint}>
            <input type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder={text.logoUrlPlaceholder} {...register('branding.logoUrl')} />
          </Field>
          <Controller
            control={control}
            name="branding.primaryColor"
            render={({ field, fieldState }) => (
              <Field label={text.primaryColor} error={fieldState.error?.message} hint={text.primaryColorHint}>
                <ColorInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} pickerLabel={text.colorPicker} />
              </Field>
            )}
          />
          <Fieldset legend={text.theme} error={errors?.theme?.message}>
            <div className="sf-radio-row">
              {(['light', 'dark'] as const).map((theme) => (
                <label key={theme} className="checkbox">
                  <input type="radio" value={theme} {...register('branding.theme')} />
                  <span>{text.themes[theme]}</span>
                </label>
              ))}
            </div>
          </Fieldset>
        </div>
        <WatchedPreview control={control} />
      </div>
    </Card>
  );
}

/** The preview follows every keystroke: it alone re-renders, not the whole form. */
function WatchedPreview({ control }: { control: Control<StorefrontFormValues> }) {
  const values = useWatch({ control }) as StorefrontFormValues;
  return <LivePreview values={values} />;
}
