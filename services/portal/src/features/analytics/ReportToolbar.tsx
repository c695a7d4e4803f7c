import type { ReactNode } from 'react';
import { PeriodPicker, usePeriodChoice } from '../../lib/reporting';

/** Above every report: its period (in the URL), any controls of its own, and its CSV download. */
export function ReportToolbar({ covering, controls, csv }: { covering?: { from: string; to: string } | undefined; controls?: ReactNode; csv?: ReactNode }) {
  const [choice, setChoice] = usePeriodChoice();
  return (
    <div className="report-toolbar">
      <div className="report-controls">
        <PeriodPicker choice={choice} onChange={setChoice} covering={covering} />
        {controls}
      </div>
      {csv ? <div className="report-csv">{csv}</div> : null}
    </div>
  );
}
