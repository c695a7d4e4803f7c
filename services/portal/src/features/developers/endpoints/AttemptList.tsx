import { Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import type { WebhookAttempt } from '../api/types';
import { attemptSucceeded, chronological, durationLabel, responseLabel } from '../model/attempts';

const copy = t.developers;

/** Every attempt of a delivery, in order: when (the user's zone, UTC on hover), the HTTP answer, how long, the error. */
export function AttemptList({ eventId, attempts }: { eventId: string; attempts: readonly WebhookAttempt[] }) {
  if (attempts.length === 0) return <span className="muted">{copy.deliveries.notYet}</span>;
  return (
    <ol className="wh-attempts" aria-label={copy.attempt.list(eventId)}>
      {chronological(attempts).map((attempt, i) => {
        const ok = attemptSucceeded(attempt);
        const duration = durationLabel(attempt.durationMs);
        return (
          <li key={`${attempt.at}-${i}`} className="wh-attempt">
            <span className="wh-attempt-line">
              <Time value={attempt.at} seconds />
              <span className={`badge badge-${ok ? 'good' : 'bad'} wh-code`}>
                <span className="sr-only">{ok ? copy.attempt.succeeded : copy.attempt.failed}: </span>
                {responseLabel(attempt)}
              </span>
              {duration ? <span className="muted wh-duration">{duration}</span> : null}
            </span>
            {attempt.error ? <span className="wh-error">{attempt.error}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
