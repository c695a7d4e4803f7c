import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Button, Dialog, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { useOpenSupportRequest } from '../api/mutations';
import { openRequestSchema, PRIORITIES, type OpenRequestValues } from './support-form';

const text = t.customers.openRequest;
const empty: OpenRequestValues = { subject: '', body: '', priority: 'normal' };

/** Opens a support request (its first message is the body); then shows its thread. */
export function OpenSupportRequestDialog({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const form = useForm<OpenRequestValues>({ resolver: zodResolver(openRequestSchema), defaultValues: empty });
  const create = useOpenSupportRequest(customerId);
  const [problem, setProblem] = useState<string>();
  const errors = form.formState.errors;

  useEffect(() => {
    if (open) {
      form.reset(empty);
      setProblem(undefined);
    }
  }, [open, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      const request = await create.mutateAsync(values);
      toast.success(text.opened);
      onClose();
      navigate(`/support-requests/${request.id}`);
    } catch (error) {
      setProblem(applyApiErrors(error, form.setError, ['subject', 'body', 'priority']));
    }
  });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={text.title}
      footer={
        <>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Button type="submit" form="open-support-request" variant="primary" busy={create.isPending}>
            {text.submit}
          </Button>
        </>
      }
    >
      <form id="open-support-request" className="form" onSubmit={onSubmit} noValidate>
        <FormProblem message={problem} />
        <Field label={text.subject} error={errors.subject?.message}>
          <input type="text" autoComplete="off" {...form.register('subject')} />
        </Field>
        <Field label={text.body} error={errors.body?.message} hint={text.bodyHint}>
          <textarea rows={5} {...form.register('body')} />
        </Field>
        <Field label={text.priority} error={errors.priority?.message}>
          <select {...form.register('priority')}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t.customers.support.priorities[p]}
              </option>
            ))}
          </select>
        </Field>
      </form>
    </Dialog>
  );
}
