import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button, Dialog, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useCreateEndpoint, useUpdateEndpoint } from '../api/mutations';
import type { CreatedWebhookEndpoint, WebhookEndpoint } from '../api/types';
import { createBody, endpointSchema, NEW_ENDPOINT, updateBody, valuesOf, type EndpointValues } from '../model/endpoint-form';
import { EventTypePicker } from './EventTypePicker';

const copy = t.developers.form;
const FIELDS = ['url', 'description', 'enabledEvents'] as const;
// `enabledEvents.3` (one type refused) belongs beside the picker as a whole.
const fieldOf = (path: string) => (path.startsWith('enabledEvents') ? 'enabledEvents' : path);

interface Props {
  open: boolean;
  onClose: () => void;
}

/** "Add endpoint" (POST /webhook-endpoints): the new endpoint and its secret go to `onCreated`, once. */
export function AddEndpointDialog({ open, onClose, onCreated }: Props & { onCreated: (created: CreatedWebhookEndpoint) => void }) {
  const create = useCreateEndpoint();
  const submitKey = useIdempotencyKey();
  return (
    <EndpointFormDialog
      open={open}
      onClose={onClose}
      title={copy.addTitle}
      submitLabel={copy.add}
      busyLabel={copy.adding}
      defaults={NEW_ENDPOINT}
      submit={async (values) => {
        const body = createBody(values);
        try {
          const created = await create.mutateAsync({ body, key: submitKey.keyFor(body) });
          submitKey.done();
          // The secret leaves this component at once: the mutation forgets it.
          create.reset();
          onCreated(created);
        } catch (error) {
          submitKey.settle(error);
          throw error;
        }
      }}
    />
  );
}

/** "Edit endpoint" (PATCH): url, description, events; only what changed is sent. */
export function EditEndpointDialog({ endpoint, open, onClose }: Props & { endpoint: WebhookEndpoint }) {
  const update = useUpdateEndpoint(endpoint.id);
  return (
    <EndpointFormDialog
      open={open}
      onClose={onClose}
      title={copy.editTitle}
      submitLabel={copy.save}
      busyLabel={copy.saving}
      defaults={valuesOf(endpoint)}
      submit={async (values) => {
        const body = updateBody(endpoint, values);
        if (Object.keys(body).length > 0) await update.mutateAsync(body);
        toast.success(copy.saved);
      }}
    />
  );
}

function EndpointFormDialog({
  open,
  onClose,
  title,
  submitLabel,
  busyLabel,
  defaults,
  submit,
}: Props & { title: string; submitLabel: string; busyLabel: string; defaults: EndpointValues; submit: (values: EndpointValues) => Promise<void> }) {
  const formId = useId();
  const form = useForm<EndpointValues>({ resolver: zodResolver(endpointSchema), defaultValues: defaults });
  const [problem, setProblem] = useState<string>();
  const { errors } = form.formState;
  // Each opening starts from the endpoint as it is then (an edit saved before included).
  const latest = useRef(defaults);
  latest.current = defaults;
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    reset(latest.current);
    setProblem(undefined);
  }, [open, reset]);

  const close = () => onClose();

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      await submit(values);
      close();
    } catch (error) {
      setProblem(applyApiErrors(error, form.setError, FIELDS, fieldOf));
    }
  });

  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      size="wide"
      footer={
        <>
          <Button onClick={close}>{t.common.cancel}</Button>
          <Button type="submit" form={formId} variant="primary" busy={form.formState.isSubmitting} busyLabel={busyLabel}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={onSubmit} noValidate>
        <FormProblem message={problem} />
        <Field label={copy.url} error={errors.url?.message} hint={copy.urlHint}>
          <input type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder={copy.urlPlaceholder} {...form.register('url')} />
        </Field>
        <Field label={copy.description} error={errors.description?.message} hint={copy.descriptionHint}>
          <input type="text" autoComplete="off" {...form.register('description')} />
        </Field>
        <Controller
          control={form.control}
          name="enabledEvents"
          render={({ field, fieldState }) => <EventTypePicker value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
        />
      </form>
    </Dialog>
  );
}
