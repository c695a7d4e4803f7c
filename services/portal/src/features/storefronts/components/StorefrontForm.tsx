import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { isApiError } from '../../../lib/api';
import { Button, Card, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { useCreateStorefront, useUpdateStorefront } from '../api/mutations';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { slugify } from '../model/slug';
import {
  fieldOfApiPath,
  newStorefrontForm,
  STOREFRONT_FIELDS,
  storefrontFormSchema,
  storefrontToForm,
  toCreateStorefrontBody,
  toUpdateStorefrontBody,
  type Storefront,
  type StorefrontFormValues,
} from '../model/storefront-form';
import { BrandingCard } from './BrandingCard';
import { PaymentMethodsCard } from './PaymentMethodsCard';
import { ReadOnlyContext } from './ReadOnly';
import { RegionalCard } from './RegionalCard';

const text = t.storefronts.form;

/**
 * A storefront's name, slug, branding (with its live preview), payment
 * methods and regional settings: creates one (POST) or changes it (PATCH).
 * `readOnly` shows it to a role that may not change it, or once archived.
 */
export function StorefrontForm({ storefront, readOnly }: { storefront?: Storefront; readOnly?: boolean }) {
  const navigate = useNavigate();
  const form = useForm<StorefrontFormValues>({
    defaultValues: storefront ? storefrontToForm(storefront) : newStorefrontForm(),
    resolver: zodResolver(storefrontFormSchema),
  });
  const create = useCreateStorefront();
  const update = useUpdateStorefront(storefront?.id ?? '');
  const idempotency = useIdempotencyKey();
  const [problem, setProblem] = useState<string | undefined>();
  // On a new storefront the slug follows the name until it is typed in itself.
  const [slugEdited, setSlugEdited] = useState(Boolean(storefront));
  const { register, formState } = form;
  const errors = formState.errors;
  const nameField = register('name', {
    onChange: (e: { target: { value: string } }) => {
      if (!slugEdited) form.setValue('slug', slugify(e.target.value), { shouldValidate: formState.isSubmitted });
    },
  });
  const slugField = register('slug', { onChange: () => setSlugEdited(true) });

  const submit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      if (!storefront) {
        const body = toCreateStorefrontBody(values);
        const created = await create.mutateAsync({ body, key: idempotency.keyFor(body) });
        idempotency.done();
        toast.success(text.created);
        navigate(`/storefronts/${created.id}`);
      } else {
        const saved = await update.mutateAsync(toUpdateStorefrontBody(values));
        form.reset(storefrontToForm(saved));
        toast.success(t.common.saved);
      }
    } catch (error) {
      // A slug already used in the environment is a 409 naming no field: it belongs beside the slug.
      if (isApiError(error) && error.code === 'slug_taken') {
        form.setError('slug', { type: 'server', message: error.message }, { shouldFocus: true });
        setProblem(t.common.fixFields);
        return;
      }
      setProblem(applyApiErrors(error, form.setError, STOREFRONT_FIELDS, fieldOfApiPath));
    }
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={storefront ? text.editLabel : text.createLabel}>
      <FormProblem message={problem} />
      <ReadOnlyContext.Provider value={Boolean(readOnly)}>
        <fieldset className="sf-plain-fieldset stack" disabled={readOnly}>
          <Card title={text.details}>
            <div className="grid-2">
              <Field label={text.name} error={errors.name?.message}>
                <input type="text" autoComplete="off" {...nameField} />
              </Field>
              <Field label={text.slug} error={errors.slug?.message} hint={text.slugHint}>
                <input type="text" autoComplete="off" spellCheck={false} className="mono" {...slugField} />
              </Field>
            </div>
          </Card>
          <BrandingCard form={form} />
          <PaymentMethodsCard form={form} />
          <RegionalCard form={form} />
        </fieldset>
      </ReadOnlyContext.Provider>
      {readOnly ? null : (
        <div className="form-actions">
          {storefront ? (
            <Button onClick={() => form.reset(storefrontToForm(storefront))} disabled={!formState.isDirty}>
              {text.discard}
            </Button>
          ) : (
            <Button onClick={() => navigate('/storefronts')}>{t.common.cancel}</Button>
          )}
          <Button type="submit" variant="primary" busy={formState.isSubmitting} busyLabel={t.common.saving}>
            {storefront ? text.save : text.create}
          </Button>
        </div>
      )}
    </form>
  );
}
