import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import type { Schema } from '../../../lib/api';
import { Button, Dialog, Fieldset, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { formatDate } from '../../../lib/time';
import { useCancelSubscription } from '../api/mutations';

const text = t.billing.cancel;
const schema = z.object({ atPeriodEnd: z.enum(['true', 'false']) });
type Values = z.infer<typeof schema>;

/** Cancels now or at the end of the period; the close button says "Keep subscription", not a second "Cancel". */
export function CancelDialog({ subscription, open, onClose }: { subscription: Schema<'Subscription'>; open: boolean; onClose: () => void }) {
  const cancel = useCancelSubscription(subscription.id);
  const scheduled = subscription.cancelAtPeriodEnd;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { atPeriodEnd: scheduled ? 'false' : 'true' } });
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (open) {
      form.reset({ atPeriodEnd: scheduled ? 'false' : 'true' });
      setProblem(undefined);
    }
  }, [open, scheduled, form]);

  const onSubmit = form.handleSubmit(async (v) => {
    setProblem(undefined);
    const atPeriodEnd = v.atPeriodEnd === 'true';
    try {
      await cancel.mutateAsync({ atPeriodEnd });
      toast.success(atPeriodEnd ? text.scheduled : text.done);
      onClose();
    } catch (error) {
      setProblem(applyApiErrors(error, form.setError, ['atPeriodEnd']));
    }
  });

  const periodEnd = formatDate(subscription.currentPeriodEnd);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={text.title}
      footer={
        <>
          <Button onClick={onClose}>{text.keep}</Button>
          <Button type="submit" form="cancel-subscription" variant="danger" busy={cancel.isPending}>
            {text.confirm}
          </Button>
        </>
      }
    >
      <form id="cancel-subscription" className="form" onSubmit={onSubmit} noValidate>
        <FormProblem message={problem} />
        <Fieldset legend={text.when} error={form.formState.errors.atPeriodEnd?.message}>
          <div className="bill-choices">
            {scheduled ? null : (
              <label className="bill-choice">
                <input type="radio" value="true" {...form.register('atPeriodEnd')} />
                <span>
                  <span className="bill-choice-title">{text.atPeriodEnd}</span>
                  <span className="muted bill-small">{text.atPeriodEndHint(periodEnd)}</span>
                </span>
              </label>
            )}
            <label className="bill-choice">
              <input type="radio" value="false" {...form.register('atPeriodEnd')} />
              <span>
                <span className="bill-choice-title">{text.now}</span>
                <span className="muted bill-small">{text.nowHint}</span>
              </span>
            </label>
          </div>
        </Fieldset>
      </form>
    </Dialog>
  );
}
