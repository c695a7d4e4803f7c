import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { isApiError, type Schema } from '../../../lib/api';
import { Button, Dialog, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { usePayInvoice } from '../api/mutations';
import { PaymentMethodSelect } from '../subscriptions/PaymentMethodSelect';

const text = t.billing.pay;
const schema = z.object({ paymentMethodId: z.string() });
type Values = z.infer<typeof schema>;

/** Pays an open invoice with one of the customer's cards; a decline (402) is shown in words, the attempt being recorded. */
export function PayInvoiceDialog({ invoice, open, onClose }: { invoice: Schema<'Invoice'>; open: boolean; onClose: () => void }) {
  const pay = usePayInvoice(invoice.id);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { paymentMethodId: '' } });
  const [problem, setProblem] = useState<string>();
  const set = form.setValue;
  const onCard = useCallback((id: string) => set('paymentMethodId', id), [set]);
  const due = Math.max(0, invoice.total - invoice.amountPaid);

  useEffect(() => {
    if (open) setProblem(undefined);
  }, [open]);

  const onSubmit = form.handleSubmit(async (v) => {
    setProblem(undefined);
    try {
      await pay.mutateAsync(v.paymentMethodId ? { paymentMethodId: v.paymentMethodId } : {});
      toast.success(text.paid);
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 402) setProblem(text.declined(t.billing.decline(error.problem.declineCode ?? error.code)));
      else setProblem(applyApiErrors(error, form.setError, ['paymentMethodId']));
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
          <Button type="submit" form="pay-invoice" variant="primary" busy={pay.isPending} busyLabel={text.submitting}>
            {text.submit}
          </Button>
        </>
      }
    >
      <form id="pay-invoice" className="form" onSubmit={onSubmit} noValidate>
        <FormProblem message={problem} />
        <p>{text.lead(formatMoney(due, invoice.currency))}</p>
        <PaymentMethodSelect
          customerId={invoice.customerId}
          value={form.watch('paymentMethodId')}
          onChange={onCard}
          error={form.formState.errors.paymentMethodId?.message}
          label={text.paymentMethod}
          noCards={text.noCards}
        />
      </form>
    </Dialog>
  );
}
