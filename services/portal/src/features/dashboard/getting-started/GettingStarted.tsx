import { Link } from 'react-router';
import { Button, Card } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useScope } from '../../../lib/scope';
import { can, useMe } from '../../../lib/session';
import { useDismissal } from './dismissal';
import { setupSteps, type Step, type StepStatus } from './steps';
import { useSetupFacts } from './useSetupFacts';

const text = t.dashboard.gettingStarted;

const STATUS_WORDS: Record<StepStatus, string> = { done: text.done, todo: text.todo, checking: text.checking, unknown: text.unknown };
const STATUS_BADGE: Record<StepStatus, string> = { done: 'badge-good', todo: 'badge-neutral', checking: 'badge-neutral', unknown: 'badge-neutral' };

function StepItem({ step, index }: { step: Step; index: number }) {
  const me = useMe().data;
  const { setEnvironment } = useScope();
  const words = text.steps[step.key];
  const allowed = can(me, step.area, 'write');
  const sandbox = me?.environments.find((env) => env.kind === 'sandbox');
  const inProduction = me?.environment?.kind === 'production';
  let note: string | null = null;
  if (step.key === 'payments' && me?.environment?.kind === 'sandbox') note = text.steps.payments.sandboxDone;
  else if (step.key === 'payments' && step.status === 'unknown') note = text.steps.payments.unknown;
  else if (step.status !== 'done' && !allowed) note = t.common.notAllowed;
  return (
    <li className={`setup-step setup-step-${step.status}`}>
      <span className="setup-marker" aria-hidden="true">
        {step.status === 'done' ? '✓' : index + 1}
      </span>
      <div className="setup-body">
        <h3>
          {index + 1}. {words.title}
        </h3>
        <p className="muted">{words.description}</p>
        <p>
          <span className={`badge ${STATUS_BADGE[step.status]}`}>{STATUS_WORDS[step.status]}</span>
        </p>
        {step.status !== 'done' && step.status !== 'unknown' && allowed ? (
          <div className="setup-actions">
            <Link to={step.to} className="btn btn-small btn-secondary">
              {words.action}
            </Link>
            {step.key === 'live' && inProduction && sandbox ? (
              <Button size="small" variant="ghost" onClick={() => setEnvironment(sandbox.name)}>
                {text.steps.live.trySandbox}
              </Button>
            ) : null}
          </div>
        ) : null}
        {note ? <p className="setup-note muted">{note}</p> : null}
      </div>
    </li>
  );
}

/**
 * The product description's Getting started: five steps, each marked done
 * when the API shows it, each offered only to a role that may do it. It can
 * be dismissed for good (in this browser).
 */
export function GettingStarted() {
  const me = useMe().data;
  const [dismissed, dismiss] = useDismissal(me?.tenantId);
  const steps = setupSteps(useSetupFacts(me));
  if (dismissed) return null;
  const done = steps.filter((s) => s.status === 'done').length;
  return (
    <Card
      title={text.title}
      className="getting-started"
      actions={
        <>
          <span className="muted setup-progress">{text.progress(done, steps.length)}</span>
          <Button size="small" variant="ghost" onClick={dismiss} aria-label={text.dismissLabel}>
            {text.dismiss}
          </Button>
        </>
      }
    >
      <p className="muted setup-intro">{done === steps.length ? text.allDone : text.intro}</p>
      <ol className="setup-steps">
        {steps.map((step, i) => (
          <StepItem key={step.key} step={step} index={i} />
        ))}
      </ol>
    </Card>
  );
}
