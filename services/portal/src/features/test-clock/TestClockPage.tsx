import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, scopeKey, unwrap } from '../../lib/api';
import { Button, Card, PageHeader, QueryState, Time } from '../../lib/components';
import { t } from '../../lib/i18n';
import { useScope } from '../../lib/scope';
import { can, roleName, useCan, useMe } from '../../lib/session';
import { utcInstant } from '../../lib/time';
import { AdvanceForm } from './AdvanceForm';
import { SessionAdvances } from './SessionAdvances';
import { useSessionLog, type AdvanceEntry } from './sessionLog';
import { useLiveNow } from './useLiveNow';
import { WhatRan } from './WhatRan';
import './test-clock.css';

const text = t.testClock;

/** In production: test clocks exist only in sandboxes, so offer to switch to one. */
function OnlyInSandbox() {
  const me = useMe().data;
  const { setEnvironment } = useScope();
  const sandboxes = me?.environments.filter((env) => env.kind === 'sandbox') ?? [];
  return (
    <div className="notice notice-info">
      <p className="notice-title">{text.onlySandbox}</p>
      <p>{text.onlySandboxDetail}</p>
      {sandboxes.length > 0 ? (
        <div className="row">
          {sandboxes.map((env) => (
            <Button key={env.id} variant="primary" onClick={() => setEnvironment(env.name)}>
              {text.switchTo(env.name)}
            </Button>
          ))}
        </div>
      ) : (
        <p>
          {text.noSandbox}{' '}
          {can(me, 'administration', 'write') ? <Link to="/settings/environments">{text.manageEnvironments}</Link> : null}
        </p>
      )}
    </div>
  );
}

/** The environment's now, running on between fetches. */
function ClockNow({ now, fetchedAt }: { now: string; fetchedAt: number }) {
  const current = useLiveNow(now, fetchedAt).toISOString();
  return (
    <>
      <p className="clock-now-value">
        <Time value={current} />
      </p>
      <p className="muted clock-now-utc">{text.utc(utcInstant(current))}</p>
    </>
  );
}

function SandboxClock() {
  const scope = useScope();
  const canAdvance = useCan('testClock', 'write');
  const clock = useQuery({
    queryKey: [scopeKey(), 'test-clock'],
    queryFn: () => unwrap(api.GET('/test-clock')),
    // The clock runs on with real time between advances.
    refetchInterval: 60_000,
  });
  const [entries, add] = useSessionLog(`${scope.tenantId ?? 'own'}:${scope.environment}`);
  const [latest, setLatest] = useState<AdvanceEntry>();
  return (
    <QueryState query={clock}>
      {({ now }) => (
        <div className="stack">
          <div className="test-clock-grid">
            <Card title={text.nowTitle} className="clock-now">
              <ClockNow now={now} fetchedAt={clock.dataUpdatedAt} />
              <p className="muted clock-now-detail">{text.nowDetail}</p>
            </Card>
            <Card title={text.advanceTitle}>
              {canAdvance ? (
                <AdvanceForm
                  now={now}
                  fetchedAt={clock.dataUpdatedAt}
                  onAdvanced={(result, from) => {
                    const entry = { madeAt: new Date().toISOString(), from, to: result.now, processed: result.processed };
                    add(entry);
                    setLatest(entry);
                  }}
                />
              ) : (
                <p className="muted">{text.readOnly}</p>
              )}
            </Card>
          </div>
          {latest ? <WhatRan entry={latest} /> : null}
          <Card title={text.sessionTitle}>
            <SessionAdvances entries={entries} />
          </Card>
        </div>
      )}
    </QueryState>
  );
}

/** The sandbox test clock: the environment's now, advancing it, and what ran. */
export function TestClockPage() {
  const me = useMe().data;
  const canRead = useCan('testClock', 'read');
  const sandbox = me?.environment?.kind === 'sandbox';
  return (
    <>
      <PageHeader title={text.title} description={text.description} />
      {!sandbox ? (
        <OnlyInSandbox />
      ) : !canRead ? (
        <div className="notice notice-info" role="status">
          <p className="notice-title">{t.app.errors.forbiddenTitle}</p>
          <p>
            {t.common.notAllowed} {me ? `(${roleName(me.role)})` : null}
          </p>
        </div>
      ) : (
        <SandboxClock />
      )}
    </>
  );
}
