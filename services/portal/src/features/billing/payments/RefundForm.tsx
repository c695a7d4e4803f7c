import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { Schema } from '../../../lib/api';
import { Button, Field, FormProblem, MoneyInput } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { useRefundPayment } from '../api/mutations';
import { remainingOf } from '../shared/format';
import { refundDefaults, refundSchema, toRefundBody, type RefundValues } from './refund-form';

const text = t.billing.refund;

/** "Process refund": the amount defaults to what remains and may not exceed it; a reason is optional. */
export function RefundForm({ payment, onDone, onCancel }: { payment: Schema<'Payment'>; onDone?: (refund: Schema<'Refund'>) => void; onCancel?: () => void }) {
  const schema = useMemo(() => refundSchema(payment), [payment]);
  const form = useForm<RefundValues>({ resolver: zodResolver(schema), defaultValues: refundDefaults(payment) });
  const refund = useRefundPayment(payment.id);
  const [problem, setProblem] = useState<string>();
  const errors = form.formState.errors;
  const remaining = formatMoney(remainingOf(payment), payment.currency);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      const created = await refund.mutateAsync(toRefundBody(values, payment));
      toast.success(text.done(formatMoney(created.amount, created.currency)));
      onDone?.(created);
    } catch (error) {
      setProblem(applyApiErrors(error, form.setError, ['amount', 'reason']));
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={text.title}>
      <FormProblem message={problem} />
      <p>{text.lead(formatMoney(payment.amount, payment.currency), remaining)}</p>
      <Field label={text.amount} error={errors.amount?.message} hint={text.amountHint(remaining)}>
        <MoneyInput currency={payment.currency} {...form.register('amount')} />
      </Field>
      <Field label={`${text.reason} ${t.common.optional}`} error={errors.reason?.message} hint={text.reasonHint}>
        <textarea rows={3} {...form.register('reason')} />
      </Field>
      <div className="form-actions">
        {onCancel ? <Button onClick={onCancel}>{t.common.cancel}</Button> : null}
        <Button type="submit" variant="danger" busy={refund.isPending} busyLabel={text.submitting}>
          {text.submit}
        </Button>
      </div>
    </form>
  );
}
