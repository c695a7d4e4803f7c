import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { Schema } from '../../../lib/api';
import { Button, Card, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { VariantsTable } from '../components/VariantsTable';
import { userTimeZone } from '../model/datetime';
import { CodesEditor } from './CodesEditor';
import { messageAt } from './errors';
import { OfferEditor } from './OfferEditor';
import { TargetingField } from './TargetingField';
import { CAMPAIGN_FIELDS, campaignSchema, type CampaignValues } from './values';
import { VariantsEditor } from './VariantsEditor';
import '../campaigns.css';

const f = t.campaigns.form;

export interface CampaignFormProps {
  defaultValues: CampaignValues;
  /** The stored campaign when editing: its status decides what may still change. */
  campaign?: Schema<'Campaign'>;
  submitLabel: string;
  /** Sends the form; a thrown ApiError's `errors[]` are put beside their fields. */
  onSubmit(values: CampaignValues): Promise<unknown>;
  onCancel(): void;
}

/** Create and edit a campaign: details, offer, schedule and limits, codes, targeting, A/B variants. */
export function CampaignForm({ defaultValues, campaign, submitLabel, onSubmit, onCancel }: CampaignFormProps) {
  const form = useForm<CampaignValues>({ resolver: zodResolver(campaignSchema), defaultValues });
  const { register, formState } = form;
  const [problem, setProblem] = useState<string>();
  const variantsLocked = campaign !== undefined && campaign.status !== 'draft';

  const submit = form.handleSubmit(
    async (values) => {
      setProblem(undefined);
      try {
        await onSubmit(values);
      } catch (error) {
        setProblem(applyApiErrors(error, form.setError, CAMPAIGN_FIELDS));
      }
    },
    () => setProblem(t.common.fixFields),
  );
  const error = (path: string) => messageAt(formState.errors, path);

  return (
    <FormProvider {...form}>
      <form className="form cmp-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormProblem message={problem} />
        <Card title={f.details}>
          <Field label={f.name} error={error('name')}>
            <input type="text" autoComplete="off" placeholder={f.namePlaceholder} {...register('name')} />
          </Field>
        </Card>
        <Card title={f.offerCard}>
          <OfferEditor prefix="offer" />
          {form.watch('variants').length > 0 ? <p className="muted cmp-form-note">{f.offerWithVariants}</p> : null}
        </Card>
        <Card title={f.schedule}>
          <div className="grid-3">
            <Field label={f.startsAt} error={error('startsAt')} hint={f.startsHint}>
              <input type="datetime-local" {...register('startsAt')} />
            </Field>
            <Field label={f.endsAt} error={error('endsAt')} hint={f.endsHint}>
              <input type="datetime-local" {...register('endsAt')} />
            </Field>
            <Field label={f.maxRedemptions} error={error('maxRedemptions')} hint={f.maxRedemptionsHint}>
              <input type="text" inputMode="numeric" autoComplete="off" {...register('maxRedemptions')} />
            </Field>
          </div>
          <p className="muted cmp-form-note">{f.timeZone(userTimeZone())}</p>
        </Card>
        <Card title={f.codes}>
          <CodesEditor />
        </Card>
        <Card title={f.targeting}>
          <TargetingField />
        </Card>
        <Card title={f.variants}>
          {variantsLocked ? (
            <div className="stack">
              <p className="notice notice-info">{f.variantsLocked}</p>
              {campaign.variants.length > 0 ? <VariantsTable variants={campaign.variants} /> : <p className="muted">{f.noVariants}</p>}
            </div>
          ) : (
            <VariantsEditor />
          )}
        </Card>
        <div className="form-actions cmp-form-actions">
          <Button onClick={onCancel}>{t.common.cancel}</Button>
          <Button type="submit" variant="primary" busy={formState.isSubmitting} busyLabel={f.submitting}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
