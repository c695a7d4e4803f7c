import type { UseFormReturn } from 'react-hook-form';
import { Field } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useStorefrontChoices } from '../api/queries';
import type { CustomerValues } from './customer-form';
import { MetadataEditor } from './MetadataEditor';

const text = t.customers.form;

/** The customer's fields, shared by the create page and the edit dialog. */
export function CustomerFields({ form }: { form: UseFormReturn<CustomerValues> }) {
  const { register, formState } = form;
  const errors = formState.errors;
  const storefronts = useStorefrontChoices(true);
  const choices = (storefronts.data?.data ?? []).filter((s) => s.status === 'active' || s.id === form.getValues('storefrontId'));
  return (
    <>
      <div className="grid-2">
        <Field label={text.email} error={errors.email?.message}>
          <input type="email" autoComplete="off" {...register('email')} />
        </Field>
        <Field label={`${text.name} ${t.common.optional}`} error={errors.name?.message}>
          <input type="text" autoComplete="off" {...register('name')} />
        </Field>
        <Field label={`${text.country} ${t.common.optional}`} error={errors.country?.message} hint={text.countryHint}>
          <input type="text" maxLength={2} autoComplete="off" className="cus-input-short" {...register('country')} />
        </Field>
        <Field label={`${text.locale} ${t.common.optional}`} error={errors.locale?.message} hint={text.localeHint}>
          <input type="text" autoComplete="off" className="cus-input-short" {...register('locale')} />
        </Field>
        <Field label={`${text.storefront} ${t.common.optional}`} error={errors.storefrontId?.message}>
          <select {...register('storefrontId')}>
            <option value="">{text.noStorefront}</option>
            {choices.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <MetadataEditor form={form} />
    </>
  );
}
