import { EmptyState, Time } from '../../lib/components';
import { t } from '../../lib/i18n';
import { processedText } from './advance';
import type { AdvanceEntry } from './sessionLog';

const text = t.testClock;

/** This tab's advances, newest first. */
export function SessionAdvances({ entries }: { entries: AdvanceEntry[] }) {
  if (entries.length === 0) return <EmptyState title={text.sessionEmpty}>{text.sessionEmptyHint}</EmptyState>;
  return (
    // Focusable: on a phone the table scrolls sideways, from the keyboard too.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={text.sessionCaption}>
      <table className="table session-advances">
        <caption className="sr-only">{text.sessionCaption}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-made">{text.columns.at}</th>
            <th scope="col">{text.columns.from}</th>
            <th scope="col">{text.columns.to}</th>
            <th scope="col">{text.columns.ran}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.madeAt}-${entry.to}`}>
              <td className="col-made"><Time value={entry.madeAt} /></td>
              <td><Time value={entry.from} /></td>
              <td><Time value={entry.to} /></td>
              <td>{processedText(entry.processed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
