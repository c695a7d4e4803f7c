import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { useReply } from '../api/mutations';
import { replySchema, type ReplyValues } from './support-form';

const text = t.customers.request;

/** A reply in the thread; a reply to a resolved request reopens it (the API's rule). */
export function ReplyForm({ requestId }: { requestId: string }) {
  const form = useForm<ReplyValues>({ resolver: zodResolver(replySchema), defaultValues: { body: '' } });
  const reply = useReply(requestId);
  const [problem, setProblem] = useState<string>();
  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      await reply.mutateAsync(values);
      form.reset({ body: '' });
      toast.success(text.sent);
    } catch (error) {
      setProblem(applyApiErrors(error, form.setError, ['body']));
    }
  });
  return (
    <form className="form cus-reply-form" onSubmit={onSubmit} noValidate>
      <FormProblem message={problem} />
      <Field label={text.reply} error={form.formState.errors.body?.message} hint={text.replyHint}>
        <textarea rows={4} {...form.register('body')} />
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={reply.isPending}>
          {text.send}
        </Button>
      </div>
    </form>
  );
}
