import type { ReactNode } from 'react';
import { isHostedApiError } from '../api/errors';
import { PlainPage } from '../branding/BrandedPage';
import { useLocalized } from '../i18n';
import { safeUrl } from '../navigation';
import { refusalOf } from './problems';

/** A page that says one thing (expired, complete, not valid) with at most one way on. */
export function EndPage({ title, body, link }: { title: string; body?: ReactNode; link?: { href: string; label: string } | undefined }) {
  const href = link ? safeUrl(link.href) : undefined;
  return (
    <section className="hosted-end" aria-labelledby="hosted-end-title">
      <h2 id="hosted-end-title">{title}</h2>
      {body ? <p>{body}</p> : null}
      {link && href ? (
        <p>
          <a className="hosted-button hosted-button-primary" href={href}>
            {link.label}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export function InvalidLinkPage() {
  const { t } = useLocalized();
  return (
    <PlainPage>
      <EndPage title={t.invalidLink.title} body={t.invalidLink.body} />
    </PlainPage>
  );
}

export function LoadingPage() {
  const { t } = useLocalized();
  return (
    <PlainPage>
      <p role="status" className="hosted-loading">
        {t.loading}
      </p>
    </PlainPage>
  );
}

/** A page's GET failed for another reason than the session (offline, a service down): say so, offer a retry. */
export function LoadFailedPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useLocalized();
  const offline = isHostedApiError(error) && error.status === 0;
  return (
    <PlainPage>
      <section className="hosted-end" role="alert">
        <h2>{offline ? t.offline : t.failed}</h2>
        <p>
          <button type="button" className="hosted-button" onClick={onRetry}>
            {t.retry}
          </button>
        </p>
      </section>
    </PlainPage>
  );
}

/** A message for the whole form (not one field): 429, offline, an unexpected answer. */
export function problemText(error: unknown, t: ReturnType<typeof useLocalized>['t']): string {
  if (!isHostedApiError(error)) return t.failed;
  if (error.status === 0) return t.offline;
  if (error.status === 429) return t.tooManyAttempts;
  if (error.status === 402) return refusalOf(error, t, []).fields['card.number'] ?? t.declinedOther;
  // A refusal of a business rule says why in the API's words (English: CONTRACT.md gives no per-code texts for them).
  if (error.status === 409 || error.status === 422) return error.message;
  return t.failed;
}
