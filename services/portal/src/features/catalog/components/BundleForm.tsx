import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Button, Card, Field, Fieldset, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { useCreateBundle, useUpdateBundle } from '../api/mutations';
import type { Bundle } from '../api/queries';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { BUNDLE_FIELDS, bundleFormSchema, bundleToForm, newBundleForm, toCreateBundleBody, toUpdateBundleBody, type BundleFormValues } from '../model/bundle-form';
import { EntitlementsEditor } from './EntitlementsEditor';

const text = t.catalog.bundleForm;

/**
 * A bundle's name, description, status and entitlements: creates one
 * (POST /bundles) or changes it (PATCH, entitlements replaced whole). With
 * `readOnly` (a role that may not write, or an archived bundle) it only shows.
 */
export function BundleForm({ bundle, readOnly }: { bundle?: Bundle; readOnly?: boolean }) {
  const navigate = useNavigate();
  const form = useForm<BundleFormValues>({ defaultValues: bundle ? bundleToForm(bundle) : newBundleForm(), resolver: zodResolver(bundleFormSchema) });
  const create = useCreateBundle();
  const update = useUpdateBundle(bundle?.id ?? '');
  const idempotency = useIdempotencyKey();
  const [problem, setProblem] = useState<string | undefined>();
  const { register, formState } = form;
  const errors = formState.errors;

  const submit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      if (!bundle) {
        const body = toCreateBundleBody(values);
        const created = await create.mutateAsync({ body, key: idempotency.keyFor(body) });
        idempotency.done();
        toast.success(text.created);
        navigate(`/catalog/bundles/${created.id}`);
      } else {
        const saved = await update.mutateAsync(toUpdateBundleBody(values, bundle));
        form.reset(bundleToForm(saved));
        toast.success(t.common.saved);
      }
    } catch (error) {
      setProblem(applyApiErrors(error, form.setError, BUNDLE_FIELDS));
    }
  });

  const statusChoice = !bundle || bundle.status === 'draft';
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={bundle ? text.editLabel : text.createLabel}>
      <FormProblem message={problem} />
      <fieldset className="cat-plain-fieldset stack" disabled={readOnly}>
        <Card title={text.details}>
          <div className="form">
            <Field label={text.name} error={errors.name?.message}>
              <input type="text" autoComplete="off" {...register('name')} />
            </Field>
            <Field label={text.description} error={errors.description?.message} hint={text.descriptionHint}>
              <textarea rows={3} {...register('description')} />
            </Field>
            {statusChoice ? (
              <Fieldset legend={text.status} error={errors.status?.message}>
                <div className="cat-choice-cards cat-choice-cards-2">
                  {(['draft', 'active'] as const).map((s) => (
                    <label key={s} className="cat-choice-card">
                      <input type="radio" value={s} {...register('status')} />
                      <span>
                        <span className="cat-choice-title">{t.catalog.status[s]}</span>
                        <span className="cat-choice-description">{text.statusHelp[s]}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </Fieldset>
            ) : null}
          </div>
        </Card>
        <Card title={text.entitlements}>
          <p className="muted cat-card-intro">{text.entitlementsHelp}</p>
          <EntitlementsEditor form={form} disabled={readOnly} />
        </Card>
      </fieldset>
      {readOnly ? null : (
        <div className="form-actions">
          {bundle ? (
            <Button onClick={() => form.reset(bundleToForm(bundle))} disabled={!formState.isDirty}>
              {text.discard}
            </Button>
          ) : (
            <Button onClick={() => navigate('/catalog')}>{t.common.cancel}</Button>
          )}
          <Button type="submit" variant="primary" busy={formState.isSubmitting} busyLabel={t.common.saving}>
            {bundle ? text.save : text.create}
          </Button>
        </div>
      )}
    </form>
  );
}
