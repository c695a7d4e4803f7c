import { CURRENCIES, isCurrency } from '@azotte/currencies';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState, type ChangeEvent } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { isApiError } from '../../lib/api';
import { Button, Dialog, Field, Fieldset, FormProblem } from '../../lib/components';
import { applyApiErrors } from '../../lib/forms';
import { t } from '../../lib/i18n';
import { FxRatesEditor } from '../../lib/fx-rates/FxRatesEditor';
import { fxApiErrors, fxRowsSchema, rowsToRates } from '../../lib/fx-rates/rates';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useCreateTenant } from './queries';
import { SLUG, slugOf } from './slug';

const copy = t.tenants.form;

const schema = z.object({
  name: z.string().trim().min(1, copy.required).max(200),
  slug: z.string().trim().regex(SLUG, copy.slugInvalid),
  reportingCurrency: z.string().refine(isCurrency, copy.currencyInvalid),
  fxRates: fxRowsSchema,
  admin: z.object({
    email: z.string().trim().pipe(z.email(copy.emailInvalid)),
    password: z.string().min(10, copy.passwordShort).max(1024),
    name: z.string().trim().max(200),
  }),
});
type Values = z.infer<typeof schema>;

const EMPTY: Values = { name: '', slug: '', reportingCurrency: 'EUR', fxRates: [], admin: { email: '', password: '', name: '' } };

/** Which field a 409 belongs beside: the API answers a taken slug or email without field errors. */
const CONFLICT_FIELDS: Record<string, 'slug' | 'admin.email'> = { slug_taken: 'slug', email_taken: 'admin.email' };

/** "Create tenant" (POST /tenants): the business, its reporting currency and rates, and its first administrator. */
export function CreateTenantDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const formId = useId();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const create = useCreateTenant();
  const submitKey = useIdempotencyKey();
  const [problem, setProblem] = useState<string>();
  const reportingCurrency = useWatch({ control: form.control, name: 'reportingCurrency' });
  const { errors } = form.formState;

  const close = () => {
    form.reset(EMPTY);
    setProblem(undefined);
    onClose();
  };

  // The slug follows the name until someone edits it.
  const name = form.register('name', {
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      if (!form.getFieldState('slug').isDirty) form.setValue('slug', slugOf(e.target.value));
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    const fxRates = rowsToRates(values.fxRates);
    const body = {
      name: values.name,
      slug: values.slug,
      reportingCurrency: values.reportingCurrency,
      ...(Object.keys(fxRates).length > 0 ? { fxRates } : {}),
      admin: { email: values.admin.email, password: values.admin.password, ...(values.admin.name ? { name: values.admin.name } : {}) },
    };
    try {
      const tenant = await create.mutateAsync({ body, key: submitKey.keyFor(body) });
      submitKey.done();
      toast.success(copy.created(tenant.name));
      close();
    } catch (error) {
      const conflict = isApiError(error) && error.status === 409 ? CONFLICT_FIELDS[error.code ?? ''] : undefined;
      if (conflict && isApiError(error)) {
        form.setError(conflict, { type: 'server', message: error.message }, { shouldFocus: true });
        return;
      }
      const fx = fxApiErrors(values.fxRates);
      setProblem(applyApiErrors(error, form.setError, ['name', 'slug', 'reportingCurrency', 'admin', ...fx.fields], fx.rename));
    }
  });

  return (
    <Dialog
      open={open}
      onClose={close}
      title={copy.title}
      size="wide"
      footer={
        <>
          <Button onClick={close}>{t.common.cancel}</Button>
          <Button type="submit" form={formId} variant="primary" busy={form.formState.isSubmitting} busyLabel={copy.submitting}>
            {copy.submit}
          </Button>
        </>
      }
    >
      <FormProvider {...form}>
        <form id={formId} className="form" onSubmit={onSubmit} noValidate>
          <FormProblem message={problem} />
          <div className="grid-2">
            <Field label={copy.name} error={errors.name?.message} hint={copy.nameHint}>
              <input type="text" autoComplete="off" {...name} />
            </Field>
            <Field label={copy.slug} error={errors.slug?.message} hint={copy.slugHint}>
              <input type="text" autoComplete="off" spellCheck={false} {...form.register('slug')} />
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
          <Fieldset legend={copy.admin}>
            <p className="field-hint tenants-fieldset-hint">{copy.adminHint}</p>
            <div className="grid-2">
              <Field label={copy.adminEmail} error={errors.admin?.email?.message}>
                <input type="email" autoComplete="off" spellCheck={false} {...form.register('admin.email')} />
              </Field>
              <Field label={copy.adminName} error={errors.admin?.name?.message}>
                <input type="text" autoComplete="off" {...form.register('admin.name')} />
              </Field>
              <Field label={copy.adminPassword} error={errors.admin?.password?.message} hint={copy.adminPasswordHint}>
                <input type="password" autoComplete="new-password" {...form.register('admin.password')} />
              </Field>
            </div>
          </Fieldset>
        </form>
      </FormProvider>
    </Dialog>
  );
}
