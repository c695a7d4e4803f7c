import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../lib/components/Button';
import type { PaymentMethod } from '../api/client';
import { call } from '../api/errors';
import { useAttemptKey } from '../api/idempotency';
import { CARD_FIELDS, cardProblems, emptyCard, toCardInput, type CardValues, type FieldErrors } from '../components/card';
import { CardFields } from '../components/CardFields';
import { problemText } from '../components/pages';
import { refusalOf } from '../components/problems';
import { useLocalized } from '../i18n';
import type { PortalActions } from './PortalPage';
import { usePortalAction } from './usePortalAction';
import { cardLabel } from './words';

/** The default card, and "Update card": a new card that becomes the default. */
export function PaymentMethodSection({ paymentMethods, actions, testCard }: { paymentMethods: PaymentMethod[]; actions: PortalActions; testCard: CardValues | undefined }) {
  const { t } = useLocalized();
  const current = paymentMethods.find((pm) => pm.default) ?? paymentMethods[0];
  const [editing, setEditing] = useState(false);
  const [card, setCard] = useState<CardValues>(emptyCard);
  const [errors, setErrors] = useState<FieldErrors>({});
  const numberRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusToken, setFocusToken] = useState(0);
  const save = usePortalAction(actions.expired);
  const { keyFor, settle } = useAttemptKey();

  // After a refused save, the first field with a message takes focus; when the form opens, the card number does.
  useEffect(() => {
    if (focusToken > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusToken]);
  useEffect(() => {
    if (editing) numberRef.current?.focus();
  }, [editing]);

  useEffect(() => {
    if (!testCard) return;
    setCard(testCard);
    setEditing(true);
  }, [testCard]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = cardProblems(card, t);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setFocusToken((n) => n + 1);
      return;
    }
    const body = { card: toCardInput(card) };
    await save.run(
      async () => {
        try {
          const pm = await call(actions.client.POST('/hosted/portal/payment-methods', { body, headers: { 'Idempotency-Key': keyFor(body) } }));
          settle();
          return pm;
        } catch (error) {
          settle(error);
          // A decline or a refused field goes beside its field; the rest is the section's message.
          const { fields } = refusalOf(error, t, CARD_FIELDS);
          if (Object.keys(fields).length === 0) throw error;
          setErrors(fields);
          setFocusToken((n) => n + 1);
          return undefined;
        }
      },
      async (pm) => {
        if (!pm) return;
        setEditing(false);
        setCard(emptyCard);
        await actions.done(t.portal.saved(cardLabel(pm, t)));
      },
    );
  };

  return (
    <section aria-labelledby="hosted-card-title" className="hosted-section">
      <h2 id="hosted-card-title">{t.portal.paymentMethod}</h2>
      <p>
        {current ? (
          <>
            <strong>{cardLabel(current, t)}</strong>, {t.card.expires(current.expMonth, current.expYear)}
          </>
        ) : (
          t.portal.noCard
        )}
      </p>
      {editing ? (
        <form ref={formRef} className="hosted-form hosted-card-form" noValidate onSubmit={submit} aria-label={t.portal.updateCard}>
          <CardFields value={card} onChange={setCard} errors={errors} numberRef={numberRef} />
          {save.error ? (
            <p className="hosted-form-problem" role="alert">
              {problemText(save.error, t)}
            </p>
          ) : null}
          <div className="hosted-actions">
            <Button type="submit" variant="primary" busy={save.busy}>
              {t.portal.saveCard}
            </Button>
            <Button
              onClick={() => {
                setEditing(false);
                setErrors({});
                setCard(emptyCard);
              }}
              disabled={save.busy}
            >
              {t.portal.cancelDialog}
            </Button>
          </div>
        </form>
      ) : (
        <Button
          onClick={() => setEditing(true)}
        >
          {t.portal.updateCard}
        </Button>
      )}
    </section>
  );
}
