import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useSearchParams } from 'react-router';
import { isApiError, type Schema } from '../../../lib/api';
import { Button, Card, Field, FormProblem, PageHeader } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useCreateSubscription } from '../api/mutations';
import { placeApiErrors } from '../shared/problems';
import { CustomerPicker } from './CustomerPicker';
import { PaymentMethodSelect } from './PaymentMethodSelect';
import { PricePicker } from './PricePicker';
import { emptySubscription, quantityOf, SUBSCRIPTION_FIELDS, subscriptionSchema, toSubscriptionBody, type SubscriptionValues } from './subscription-form';
import { SubscriptionOutcome } from './SubscriptionOutcome';
import { SubscriptionSummary } from './SubscriptionSummary';
import '../billing.css';

const text = t.billing.create;

/**
 * /subscriptions/new — "Create subscription": customer, price, quantity,
 * coupon, card; then the outcome in words (active, trialing, or incomplete
 * with the decline reason). `?customerId=` preselects the customer.
 */
export function CreateSubscriptionPage() {
  const [params] = useSearchParams();
  const canWrite = useCan('billing', 'write');
  const form = useForm<SubscriptionValues>({ resolver: zodResolver(subscriptionSchema), defaultValues: emptySubscription(params.get('customerId') ?? '') });
  const create = useCreateSubscription();
  const [problem, setProblem] = useState<string>();
  const [created, setCreated] = useState<Schema<'Subscription'>>();
  const values = form.watch();
  const errors = form.formState.errors;
  const set = form.setValue;
  const onPaymentMethod = useCallback((id: string) => set('paymentMethodId', id), [set]);

  if (!canWrite) return <Navigate to="/subscriptions" replace />;

  const onSubmit = form.handleSubmit(async (v) => {
    setProblem(undefined);
    try {
      setCreated(await create.mutateAsync(toSubscriptionBody(v)));
    } catch (error) {
      // A decline answered as a 402 names its code: in words above the form.
      if (isApiError(error) && error.status === 402) setProblem(`${error.message} ${t.billing.decline(error.problem.declineCode ?? error.code)}`);
      else setProblem(placeApiErrors(error, form.setError, SUBSCRIPTION_FIELDS) || undefined);
    }
  });

  const header = <PageHeader title={text.title} description={text.description} breadcrumb={<Link to="/subscriptions">{text.breadcrumb}</Link>} />;

  if (created) {
    return (
      <>
        {header}
        <SubscriptionOutcome
          subscription={created}
          onAnother={() => {
            setCreated(undefined);
            form.reset(emptySubscription());
          }}
        />
      </>
    );
  }

  return (
    <>
      {header}
      <form className="bill-create" onSubmit={onSubmit} noValidate>
        <Card className="bill-create-main">
          <div className="form">
            <FormProblem message={problem} />
            <CustomerPicker
              value={values.customerId}
              error={errors.customerId?.message}
              onChange={(id) => {
                set('customerId', id, { shouldValidate: form.formState.isSubmitted });
                set('paymentMethodId', '');
              }}
            />
            <PricePicker
              bundleId={values.bundleId}
              priceId={values.priceId}
              error={errors.priceId?.message}
              onBundle={(id) => {
                set('bundleId', id);
                set('priceId', '');
              }}
              onPrice={(id) => set('priceId', id, { shouldValidate: form.formState.isSubmitted })}
            />
            <div className="grid-2">
              <Field label={text.quantity} error={errors.quantity?.message}>
                <input type="text" inputMode="numeric" autoComplete="off" {...form.register('quantity')} />
              </Field>
              <Field label={`${text.coupon} ${t.common.optional}`} error={errors.couponCode?.message} hint={text.couponHint}>
                <input type="text" autoComplete="off" spellCheck={false} {...form.register('couponCode')} />
              </Field>
            </div>
            <PaymentMethodSelect customerId={values.customerId} value={values.paymentMethodId} onChange={onPaymentMethod} error={errors.paymentMethodId?.message} />
            <div className="form-actions">
              <Link to="/subscriptions" className="btn btn-secondary">
                {t.common.cancel}
              </Link>
              <Button type="submit" variant="primary" busy={create.isPending} busyLabel={text.submitting}>
                {text.submit}
              </Button>
            </div>
          </div>
        </Card>
        <SubscriptionSummary priceId={values.priceId} quantity={quantityOf(values.quantity)} />
      </form>
    </>
  );
}
