import { CURRENCIES, isCurrency } from '@azotte/currencies';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { Button, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { FxRatesEditor } from '../../../lib/fx-rates/FxRatesEditor';
import { fxApiErrors, fxRowsSchema, ratesToRows, rowsToRates } from '../../../lib/fx-rates/rates';
import { useUpdateTenant, type Tenant } from './queries';

const copy = t.settings.profile;

const schema = z.object({
  name: z.string().trim().min(1, copy.nameRequired).max(200),
  reportingCurrency: z.string().refine(isCurrency, copy.currencyInvalid),
  fxRates: fxRowsSchema,
});
type Values = z.infer<typeof schema>;

const valuesOf = (tenant: Tenant): Values => ({
  name: tenant.name,
  reportingCurrency: tenant.reportingCurrency,
  fxRates: ratesToRows(tenant.fxRates),
});

/** The Administrator's form for the tenant's name, reporting currency and exchange rates (PATCH /tenants/{id}). */
export function ProfileForm({ tenant }: { tenant: Tenant }) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: valuesOf(tenant) });
  const update = useUpdateTenant(tenant.id);
  const [problem, setProblem] = useState<string>();
  const reportingCurrency = useWatch({ control: form.control, name: 'reportingCurrency' });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      const saved = await update.mutateAsync({
        name: values.name,
        reportingCurrency: values.reportingCurrency,
        // The whole map: the API replaces the rates with what is sent.
        fxRates: rowsToRates(values.fxRates),
      });
      form.reset(valuesOf(saved));
      toast.success(copy.saved);
    } catch (error) {
      const fx = fxApiErrors(values.fxRates);
      setProblem(applyApiErrors(error, form.setError, ['name', 'reportingCurrency', ...fx.fields], fx.rename));
    }
  });

  return (
    <FormProvider {...form}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormProblem message={problem} />
        <div className="grid-2">
          <Field label={copy.name} error={errors.name?.message}>
            <input type="text" autoComplete="organization" {...form.register('name')} />
          </Field>
          <Field label={copy.reportingCurrency} error={errors.reportingCurrency?.message} hint={copy.reportingCurrencyHint}>
            <select {...form.register('reportingCurrency')}>
              {CURRENCIES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <FxRatesEditor reportingCurrency={reportingCurrency} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.formState.isSubmitting} busyLabel={t.common.saving}>
            {copy.save}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
