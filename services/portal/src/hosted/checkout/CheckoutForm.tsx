import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Button } from '../../lib/components/Button';
import { Field } from '../../lib/components/Field';
import type { Checkout, HostedClient } from '../api/client';
import { call, sessionEndOf, type SessionEnd } from '../api/errors';
import { useAttemptKey } from '../api/idempotency';
import { emptyCard, type CardValues, type FieldErrors } from '../components/card';
import { CardFields } from '../components/CardFields';
import { useLocalized } from '../i18n';
import { browser, safeUrl } from '../navigation';
import { CHECKOUT_FIELDS, checkoutProblems, completionProblems, toCompletion, type CheckoutValues } from './checkout-form';
import { CouponField } from './CouponField';
import { OrderSummary } from './OrderSummary';
import { PlanOptions } from './PlanOptions';
import { useCouponEvaluation } from './useCouponEvaluation';

/** Focuses the first field with a problem once the messages are on screen. */
function useFocusFirstProblem(form: RefObject<HTMLFormElement | null>, errors: FieldErrors, token: number) {
  useEffect(() => {
    if (token === 0) return;
    const first = CHECKOUT_FIELDS.find((f) => errors[f]);
    const target = first ? form.current?.querySelector<HTMLElement>(first === 'priceId' ? 'input[name="priceId"]:checked' : `[name="${first}"]`) : null;
    target?.focus();
    // Only a new submit moves focus, not every change of the messages: `errors` is read, not watched.
  }, [token]);
}

/**
 * The open checkout: plan, email, card, coupon, Subscribe. One click of
 * Subscribe is one attempt with its own Idempotency-Key; the button is
 * disabled while it runs, so a double click sends one request. A declined
 * card keeps the form as it is for another card.
 */
export function CheckoutForm({ checkout, client, onSessionEnd, testCard }: {
  checkout: Checkout;
  client: HostedClient;
  onSessionEnd: (end: SessionEnd) => void;
  /** A sandbox test card the banner asked to use. */
  testCard?: CardValues | undefined;
}) {
  const l = useLocalized();
  const { t } = l;
  const { session, prices } = checkout;
  const [values, setValues] = useState<CheckoutValues>(() => ({
    priceId: prices[0]?.id ?? '',
    email: '',
    name: '',
    card: emptyCard,
    couponCode: session.allowCoupons ? (session.couponCode ?? '') : '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formProblem, setFormProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [focusToken, setFocusToken] = useState(0);
  const inFlight = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const { keyFor, settle } = useAttemptKey();
  const coupon = useCouponEvaluation(client, session.allowCoupons ? values.couponCode : '', values.priceId);
  useFocusFirstProblem(formRef, errors, focusToken);

  useEffect(() => {
    if (testCard) setValues((v) => ({ ...v, card: testCard }));
  }, [testCard]);

  useEffect(() => {
    const end = coupon.status === 'failed' ? sessionEndOf(coupon.error) : undefined;
    if (end && end !== 'invalid') onSessionEnd(end);
  }, [coupon, onSessionEnd]);

  const price = prices.find((p) => p.id === values.priceId) ?? prices[0];
  const canPayByCard = checkout.paymentMethodTypes.includes('card');
  if (!price) return <p>{t.failed}</p>;

  /** A changed field loses its message: the person is fixing it. */
  const update = (next: Partial<CheckoutValues>, paths: string[]) => {
    setValues((v) => ({ ...v, ...next }));
    setErrors((e) => {
      const rest = { ...e };
      for (const p of paths) delete rest[p];
      return rest;
    });
  };
  const onCard = (card: CardValues) => {
    const changed = (Object.keys(card) as Array<keyof CardValues>).filter((k) => card[k] !== values.card[k]).map((k) => `card.${k}`);
    update({ card }, changed);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    setFormProblem(undefined);
    const problems = checkoutProblems(values, checkout, coupon, t);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setFormProblem(t.checkout.fixFields);
      setFocusToken((n) => n + 1);
      return;
    }
    inFlight.current = true;
    setBusy(true);
    const body = toCompletion(values, checkout);
    try {
      const done = await call(client.POST('/hosted/checkout/complete', { body, headers: { 'Idempotency-Key': keyFor(body) } }));
      settle();
      // The page stays busy while the browser leaves for the business's success page.
      browser.assign(safeUrl(done.redirectUrl) ?? session.successUrl);
      return;
    } catch (error) {
      settle(error);
      const end = sessionEndOf(error);
      if (end) {
        onSessionEnd(end);
        return;
      }
      const { fields, form } = completionProblems(error, t);
      setErrors(fields);
      setFormProblem(form ?? (Object.keys(fields).length > 0 && !fields['card.number'] ? t.checkout.fixFields : undefined));
      setFocusToken((n) => n + 1);
    } finally {
      inFlight.current = false;
    }
    setBusy(false);
  };

  const dueToday =
    coupon.status === 'done' && coupon.result.applies && coupon.code === values.couponCode.trim() && coupon.priceId === price.id ? coupon.result.dueToday : price.dueToday;
  const cancelUrl = safeUrl(session.cancelUrl);

  return (
    <div className="hosted-checkout">
      <OrderSummary price={price} dueToday={dueToday} sessionCoupon={session.allowCoupons ? null : session.couponCode} />
      <form ref={formRef} className="hosted-form" noValidate onSubmit={submit} aria-label={t.checkout.title}>
        {prices.length > 0 ? (
          <PlanOptions prices={prices} quantity={session.quantity} value={price.id} onChange={(priceId) => update({ priceId }, ['priceId', 'couponCode'])} error={errors.priceId} />
        ) : null}
        {session.customerKnown ? (
          session.customerEmail ? (
            <p className="hosted-known-email">
              {t.checkout.emailKnown} <strong>{session.customerEmail}</strong>
            </p>
          ) : null
        ) : (
          <Field label={t.checkout.email} error={errors.email}>
            <input name="email" type="email" autoComplete="email" value={values.email} onChange={(e) => update({ email: e.target.value }, ['email'])} />
          </Field>
        )}
        {canPayByCard ? (
          <fieldset className="hosted-fieldset">
            <legend>{t.checkout.payWith}</legend>
            <Field label={t.card.name} hint={t.card.optional} error={errors.name}>
              <input name="name" autoComplete="cc-name" value={values.name} onChange={(e) => update({ name: e.target.value }, ['name'])} />
            </Field>
            <CardFields value={values.card} onChange={onCard} errors={errors} />
          </fieldset>
        ) : null}
        {session.allowCoupons ? (
          <CouponField value={values.couponCode} onChange={(couponCode) => update({ couponCode }, ['couponCode'])} state={coupon} currency={price.currency} error={errors.couponCode} />
        ) : null}
        {formProblem ? (
          <p className="hosted-form-problem" role="alert">
            {formProblem}
          </p>
        ) : null}
        {canPayByCard ? (
          <Button type="submit" variant="primary" className="hosted-submit" busy={busy} busyLabel={t.checkout.subscribing}>
            {t.checkout.subscribe}
          </Button>
        ) : null}
        {cancelUrl ? (
          <p className="hosted-back">
            <a href={cancelUrl}>{t.back}</a>
          </p>
        ) : null}
      </form>
    </div>
  );
}
