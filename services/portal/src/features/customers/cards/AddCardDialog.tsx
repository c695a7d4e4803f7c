import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { isApiError } from '../../../lib/api';
import { Button, Dialog, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useAddCard } from '../api/mutations';
import { CARD_FIELDS, cardName, cardSchema, emptyCard, groupedNumber, toCardBody, type CardValues } from './card-form';
import { TestCards } from './TestCards';

const text = t.customers.addCard;
const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * Adds a card: the number goes to the payment provider through the API. A
 * card the provider declines is a 402 whose code is shown in words beside the
 * number; in a sandbox the test cards are listed, one click filling the form.
 */
export function AddCardDialog({ customerId, hasCards, open, onClose }: { customerId: string; hasCards: boolean; open: boolean; onClose: () => void }) {
  const sandbox = useMe().data?.environment?.kind === 'sandbox';
  const form = useForm<CardValues>({ resolver: zodResolver(cardSchema), defaultValues: { ...emptyCard, default: !hasCards } });
  const add = useAddCard(customerId);
  const [problem, setProblem] = useState<string>();
  const errors = form.formState.errors;

  useEffect(() => {
    if (open) {
      form.reset({ ...emptyCard, default: !hasCards });
      setProblem(undefined);
    }
  }, [open, hasCards, form]);

  const fillTestCard = (number: string) => {
    const values = form.getValues('card');
    form.setValue('card.number', groupedNumber(number), { shouldValidate: form.formState.isSubmitted });
    // Any future expiry and CVC work in the sandbox: fill what is still empty.
    if (!values.expMonth) form.setValue('card.expMonth', '12');
    if (!values.expYear) form.setValue('card.expYear', String(new Date().getFullYear() + 3));
    if (!values.cvc) form.setValue('card.cvc', '123');
    form.clearErrors();
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      const card = await add.mutateAsync(toCardBody(values));
      toast.success(text.added(cardName(card)));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 402) {
        // A decline names its code; beside the number, in words.
        form.setError('card.number', { type: 'server', message: t.billing.decline(error.problem.declineCode ?? error.code) });
        setProblem(error.message);
      } else {
        setProblem(applyApiErrors(error, form.setError, CARD_FIELDS));
      }
    }
  });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={text.title}
      size={sandbox ? 'wide' : 'normal'}
      footer={
        <>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Button type="submit" form="add-card" variant="primary" busy={add.isPending} busyLabel={text.submitting}>
            {text.submit}
          </Button>
        </>
      }
    >
      <form id="add-card" className="form" onSubmit={onSubmit} noValidate>
        <FormProblem message={problem} />
        <Field label={text.number} error={errors.card?.number?.message}>
          <input type="text" inputMode="numeric" autoComplete="cc-number" spellCheck={false} className="mono" {...form.register('card.number')} />
        </Field>
        <div className="cus-card-expiry">
          <Field label={text.expMonth} error={errors.card?.expMonth?.message}>
            <select autoComplete="cc-exp-month" {...form.register('card.expMonth')}>
              <option value="">MM</option>
              {MONTHS.map((m) => (
                <option key={m} value={String(Number(m))}>
                  {m}
                </option>
              ))}
            </select>
          </Field>
          <Field label={text.expYear} error={errors.card?.expYear?.message}>
            <input type="text" inputMode="numeric" autoComplete="cc-exp-year" placeholder="YYYY" maxLength={4} {...form.register('card.expYear')} />
          </Field>
          <Field label={text.cvc} error={errors.card?.cvc?.message}>
            <input type="text" inputMode="numeric" autoComplete="cc-csc" maxLength={4} {...form.register('card.cvc')} />
          </Field>
        </div>
        {hasCards ? (
          <label className="checkbox">
            <input type="checkbox" {...form.register('default')} />
            {text.makeDefault}
          </label>
        ) : (
          <p className="field-hint">{text.firstIsDefault}</p>
        )}
        <p className="field-hint">{text.safety}</p>
      </form>
      {sandbox ? <TestCards onUse={fillTestCard} /> : null}
    </Dialog>
  );
}
