import { useId, useRef, useState } from 'react';
import { Button } from '../../lib/components/Button';
import type { PortalSubscription } from '../api/client';
import { call } from '../api/errors';
import { problemText } from '../components/pages';
import { useLocalized } from '../i18n';
import { ChangePlanDialog } from './ChangePlanDialog';
import type { PortalActions } from './PortalPage';
import { usePortalAction } from './usePortalAction';
import { isLive } from './words';

/** One subscription: what it is, when it renews or ends, and cancel / keep / change plan. */
export function SubscriptionCard({ subscription: s, actions }: { subscription: PortalSubscription; actions: PortalActions }) {
  const l = useLocalized();
  const { t } = l;
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [changing, setChanging] = useState(false);
  const { client, done, expired } = actions;
  const path = { params: { path: { id: s.id } } };
  const endDate = l.date(s.currentPeriodEnd);

  const cancel = usePortalAction(expired);
  const resume = usePortalAction(expired);
  const announce = (message: string) => async () => {
    await done(message);
    setConfirming(false);
    heading.current?.focus();
  };
  const confirmCancel = () =>
    cancel.run(
      () => call(client.POST('/hosted/portal/subscriptions/{id}/cancel', { ...path, headers: { 'Idempotency-Key': crypto.randomUUID() } })),
      announce(t.portal.canceled(s.bundleName, endDate)),
    );
  const keep = () =>
    resume.run(
      () => call(client.POST('/hosted/portal/subscriptions/{id}/resume', { ...path, headers: { 'Idempotency-Key': crypto.randomUUID() } })),
      announce(t.portal.kept(s.bundleName)),
    );
  const failure = cancel.error ?? resume.error;

  return (
    <article className="hosted-subscription" aria-labelledby={headingId}>
      <header className="hosted-subscription-header">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          {s.bundleName}
        </h3>
        <span className={`hosted-badge hosted-badge-${s.status}`}>{t.portal.status[s.status] ?? s.status}</span>
      </header>
      <p className="hosted-subscription-price">
        {l.perInterval(s.amount, s.currency, s.intervalCount, s.interval)}
        {s.quantity > 1 ? <span className="hosted-muted"> · {t.portal.quantity(s.quantity)}</span> : null}
      </p>
      {s.status === 'trialing' && s.trialEnd ? <p>{t.portal.trialEnds(l.date(s.trialEnd))}</p> : null}
      {s.cancelAtPeriodEnd ? (
        <p className="hosted-tone-bad">{t.portal.endsOn(endDate)}</p>
      ) : s.nextRenewal ? (
        <p>{t.portal.renews(l.date(s.nextRenewal.at), l.money(s.nextRenewal.amount, s.currency))}</p>
      ) : null}

      {isLive(s.status) ? (
        <div className="hosted-actions">
          {s.cancelAtPeriodEnd ? (
            <Button variant="primary" onClick={() => void keep()} busy={resume.busy}>
              {t.portal.keep}
            </Button>
          ) : confirming ? null : (
            <Button
              onClick={() => {
                cancel.clearError();
                setConfirming(true);
              }}
            >
              {t.portal.cancel}
            </Button>
          )}
          {s.changeOptions.length > 0 && !confirming ? <Button onClick={() => setChanging(true)}>{t.portal.changePlan}</Button> : null}
        </div>
      ) : null}

      {confirming ? (
        <div className="hosted-confirm" role="group" aria-label={t.portal.cancel}>
          <p>{t.portal.cancelQuestion(endDate)}</p>
          <div className="hosted-actions">
            <Button variant="danger" onClick={() => void confirmCancel()} busy={cancel.busy} autoFocus>
              {t.portal.cancelConfirm}
            </Button>
            <Button onClick={() => setConfirming(false)} disabled={cancel.busy}>
              {t.portal.cancelAbort}
            </Button>
          </div>
        </div>
      ) : null}
      {failure ? (
        <p className="hosted-form-problem" role="alert">
          {problemText(failure, t)}
        </p>
      ) : null}
      {changing ? <ChangePlanDialog subscription={s} actions={actions} onClose={() => setChanging(false)} /> : null}
    </article>
  );
}
