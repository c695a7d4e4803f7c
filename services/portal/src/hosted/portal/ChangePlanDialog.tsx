import { useEffect, useId, useState } from 'react';
import { Button } from '../../lib/components/Button';
import type { ChangePreview, PortalSubscription } from '../api/client';
import { call, sessionEndOf } from '../api/errors';
import { useAttemptKey } from '../api/idempotency';
import { Dialog } from '../components/Dialog';
import { problemText } from '../components/pages';
import { useLocalized } from '../i18n';
import type { PortalActions } from './PortalPage';
import { usePortalAction } from './usePortalAction';

type Preview = { state: 'idle' } | { state: 'loading'; priceId: string } | { state: 'ready'; priceId: string; preview: ChangePreview } | { state: 'failed'; priceId: string; error: unknown };

/**
 * "Change plan": the other prices of the storefront as radios; choosing one
 * asks the API what the change charges now (the proration preview, computed
 * by the same code as the change), and "Confirm change" makes it.
 */
export function ChangePlanDialog({ subscription: s, actions, onClose }: { subscription: PortalSubscription; actions: PortalActions; onClose: () => void }) {
  const l = useLocalized();
  const { t } = l;
  const id = useId();
  const { client, done, expired } = actions;
  const [priceId, setPriceId] = useState('');
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  const change = usePortalAction(expired);
  const { keyFor, settle } = useAttemptKey();
  const option = s.changeOptions.find((o) => o.priceId === priceId);

  useEffect(() => {
    if (!priceId) return;
    const controller = new AbortController();
    setPreview({ state: 'loading', priceId });
    call(
      client.POST('/hosted/portal/subscriptions/{id}/change-price/preview', {
        params: { path: { id: s.id } },
        body: { priceId },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        signal: controller.signal,
      }),
    ).then(
      (result) => setPreview({ state: 'ready', priceId, preview: result }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (sessionEndOf(error)) expired();
        else setPreview({ state: 'failed', priceId, error });
      },
    );
    return () => controller.abort();
  }, [client, s.id, priceId, expired]);

  const confirm = () => {
    if (!option) return;
    const body = { priceId };
    void change.run(
      async () => {
        try {
          const result = await call(client.POST('/hosted/portal/subscriptions/{id}/change-price', { params: { path: { id: s.id } }, body, headers: { 'Idempotency-Key': keyFor(body) } }));
          settle();
          return result;
        } catch (error) {
          settle(error);
          throw error;
        }
      },
      async () => {
        onClose();
        await done(t.portal.changed(option.bundleName));
      },
    );
  };

  const ready = preview.state === 'ready' && preview.priceId === priceId ? preview.preview : undefined;
  return (
    <Dialog
      open
      onClose={onClose}
      title={t.portal.changePlan}
      footer={
        <>
          <Button onClick={onClose}>{t.portal.cancelDialog}</Button>
          <Button variant="primary" onClick={confirm} disabled={!ready} busy={change.busy}>
            {t.portal.confirmChange}
          </Button>
        </>
      }
    >
      <fieldset className="hosted-plans" role="radiogroup" aria-labelledby={`${id}-legend`}>
        <legend id={`${id}-legend`}>{t.portal.changePlanLegend}</legend>
        {s.changeOptions.map((o) => (
          <label key={o.priceId} className="hosted-plan">
            <input type="radio" name={`${id}-price`} value={o.priceId} checked={priceId === o.priceId} onChange={() => setPriceId(o.priceId)} />
            <span className="hosted-plan-text">
              <span className="hosted-plan-amount">{o.bundleName}</span>{' '}
              <span className="hosted-plan-details">{l.perInterval(o.amount, o.currency, o.intervalCount, o.interval)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div aria-live="polite" className="hosted-preview">
        {preview.state === 'loading' ? <p className="hosted-muted">{t.portal.previewing}</p> : null}
        {preview.state === 'failed' ? (
          <p className="hosted-form-problem" role="alert">
            {problemText(preview.error, t)}
          </p>
        ) : null}
        {ready ? <PreviewLines preview={ready} /> : null}
      </div>
      {change.error ? (
        <p className="hosted-form-problem" role="alert">
          {problemText(change.error, t)}
        </p>
      ) : null}
    </Dialog>
  );
}

function PreviewLines({ preview }: { preview: ChangePreview }) {
  const l = useLocalized();
  const { t } = l;
  const money = (minor: number) => l.money(minor, preview.currency);
  return (
    <>
      <table className="hosted-table">
        <caption className="hosted-caption">{t.portal.preview}</caption>
        <thead>
          <tr>
            <th scope="col">{t.portal.lineDescription}</th>
            <th scope="col" className="hosted-num">
              {t.portal.lineAmount}
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.lines.map((line, i) => (
            <tr key={i}>
              <td>{line.description}</td>
              <td className="hosted-num">{money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="hosted-totals">
        {preview.discount !== 0 ? (
          <div>
            <dt>{t.invoice.discount}</dt>
            <dd>{money(-Math.abs(preview.discount))}</dd>
          </div>
        ) : null}
        {preview.tax !== 0 ? (
          <div>
            <dt>{t.invoice.tax}</dt>
            <dd>{money(preview.tax)}</dd>
          </div>
        ) : null}
        {/* CONTRACT.md: the preview's `total` is what the change charges now. */}
        <div className="hosted-due">
          <dt>{t.portal.dueNow}</dt>
          <dd>{money(preview.total)}</dd>
        </div>
      </dl>
    </>
  );
}
