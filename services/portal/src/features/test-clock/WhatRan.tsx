import { Link } from 'react-router';
import { Card } from '../../lib/components';
import { t } from '../../lib/i18n';
import { formatDateTime } from '../../lib/time';
import { nothingRan, processedText } from './advance';
import type { AdvanceEntry } from './sessionLog';

const text = t.testClock;

/** What the last advance ran — renewals, trial conversions, retries, cancellations — in words, announced when it arrives. */
export function WhatRan({ entry }: { entry: AdvanceEntry }) {
  return (
    <Card title={text.whatRan} className="what-ran">
      <div role="status" className="stack">
        <p>{text.movedTo(formatDateTime(entry.to))}</p>
        <p className="what-ran-summary">{processedText(entry.processed)}.</p>
        {nothingRan(entry.processed) ? <p className="muted">{text.nothingDue}</p> : null}
      </div>
      <p className="row what-ran-links">
        <Link to="/subscriptions">{text.seeSubscriptions}</Link>
        <Link to="/">{text.seeDashboard}</Link>
      </p>
    </Card>
  );
}
