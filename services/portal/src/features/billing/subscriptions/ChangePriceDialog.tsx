import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import type { Schema } from '../../../lib/api';
import { Button, Dialog, ErrorNotice, Field, FormProblem } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { formatDate } from '../../../lib/time';
import { useChangePrice } from '../api/mutations';
import { useChangePricePreview } from '../api/queries';
import { LinesTable } from '../shared/LinesTable';
import { placeApiErrors } from '../shared/problems';
import { PricePicker } from './PricePicker';
import { quantityOf } from './subscription-form';

const text = t.billing.changePrice;
const schema = z.object({
  bundleId: z.string(),
  priceId: z.string().min(1, t.billing.create.choosePriceFirst),
  quantity: z.string().refine((v) => quantityOf(v) !== undefined, t.billing.create.wholeNumber),
});
type Values = z.infer<typeof schema>;

/**
 * Changes the price or quantity. The proration is shown before confirming:
 * the API's preview of the invoice the change would make now, by the same code
 * that makes it.
 */
export function ChangePriceDialog({ subscription, open, onClose }: { subscription: Schema<'Subscription'>; open: boolean; onClose: () => void }) {
  const initial: Values = { bundleId: subscription.bundleId, priceId: subscription.priceId, quantity: String(subscription.quantity) };
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: initial });
  const change = useChangePrice(subscription.id);
  const [problem, setProblem] = useState<string>();
  const v = form.watch();
  const quantity = quantityOf(v.quantity);
  const unchanged = v.priceId === subscription.priceId && quantity === subscription.quantity;
  const preview = useChangePricePreview(subscription.id, open && !unchanged && v.priceId ? v.priceId : undefined, quantity);

  useEffect(() => {
    if (open) {
      form.reset({ bundleId: subscription.bundleId, priceId: subscription.priceId, quantity: String(subscription.quantity) });
      setProblem(undefined);
    }
  }, [open, subscription, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      await change.mutateAsync({ priceId: values.priceId, quantity: quantityOf(values.quantity) });
      toast.success(text.done);
      onClose();
    } catch (error) {
      setProblem(placeApiErrors(error, form.setError, ['priceId', 'quantity']) || undefined);
    }
  });

  const p = preview.data;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={text.title}
      size="wide"
      footer={
        <>
          <Button onClick={onClose}>{text.keep}</Button>
          <Button type="submit" form="change-price" variant="primary" busy={change.isPending} disabled={unchanged || !p}>
            {text.confirm}
          </Button>
        </>
      }
    >
      <form id="change-price" className="form" onSubmit={onSubmit} noValidate>
        <p className="muted">{text.lead}</p>
        <FormProblem message={problem} />
        <PricePicker
          bundleId={v.bundleId}
          priceId={v.priceId}
          currentPriceId={subscription.priceId}
          error={form.formState.errors.priceId?.message}
          onBundle={(id) => {
            form.setValue('bundleId', id);
            form.setValue('priceId', '');
          }}
          onPrice={(id) => form.setValue('priceId', id, { shouldValidate: form.formState.isSubmitted })}
        />
        <Field label={t.billing.subscription.quantity} error={form.formState.errors.quantity?.message} className="bill-quantity">
          <input type="text" inputMode="numeric" autoComplete="off" {...form.register('quantity')} />
        </Field>
        <section className="bill-preview" aria-labelledby="change-price-preview" aria-live="polite">
          <h3 id="change-price-preview">{text.preview}</h3>
          {unchanged ? (
            <p className="muted">{text.samePrice}</p>
          ) : !v.priceId || quantity === undefined ? (
            <p className="muted">{text.choosePrice}</p>
          ) : preview.isError ? (
            <ErrorNotice error={preview.error} onRetry={() => void preview.refetch()} />
          ) : !p ? (
            <p className="loading" role="status">
              {text.previewing}
            </p>
          ) : p.lines.length === 0 ? (
            <p>{text.trialing}</p>
          ) : (
            <>
              <LinesTable
                caption={text.previewCaption}
                lines={p.lines}
                currency={p.currency}
                totals={[
                  [text.subtotal, p.subtotal],
                  [text.discount, p.discount, { negative: true }],
                  [text.tax, p.tax],
                  [text.total, p.total, { strong: true }],
                ]}
              />
              <p className="muted bill-small">{text.newPeriod(formatDate(p.periodStart), formatDate(p.periodEnd))}</p>
            </>
          )}
        </section>
      </form>
    </Dialog>
  );
}
