import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { Schema } from '../../../lib/api';
import { Button, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { useUpdateSupportRequest } from '../api/mutations';
import { PRIORITIES, STATUSES, statusSchema, type StatusValues } from './support-form';

const text = t.customers.request;
const words = t.customers.support;

/** Changes the status and the priority together; only what changed is sent. */
export function StatusForm({ request }: { request: Schema<'SupportRequest'> }) {
  const current = { status: request.status, priority: request.priority };
  const form = useForm<StatusValues>({ resolver: zodResolver(statusSchema), defaultValues: current });
  const update = useUpdateSupportRequest(request.id);
  const [problem, setProblem] = useState<string>();

  // A reply may reopen the request: follow what the API says it is now.
  useEffect(() => {
    form.reset({ status: request.status, priority: request.priority });
  }, [request.status, request.priority, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    const body: Partial<StatusValues> = {};
    if (values.status !== request.status) body.status = values.status;
    if (values.priority !== request.priority) body.priority = values.priority;
    if (Object.keys(body).length === 0) return;
    try {
      await update.mutateAsync(body);
      toast.success(text.saved);
    } catch (error) {
      setProblem(applyApiErrors(error, form.setError, ['status', 'priority']));
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormProblem message={problem} />
      <Field label={text.status} error={form.formState.errors.status?.message}>
        <select {...form.register('status')}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {words.statuses[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={text.priority} error={form.formState.errors.priority?.message}>
        <select {...form.register('priority')}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {words.priorities[p]}
            </option>
          ))}
        </select>
      </Field>
      <div className="form-actions">
        <Button type="submit" busy={update.isPending} disabled={!form.formState.isDirty}>
          {text.update}
        </Button>
      </div>
    </form>
  );
}
