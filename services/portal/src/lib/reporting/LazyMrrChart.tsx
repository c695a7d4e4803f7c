import { lazy, Suspense } from 'react';
import { t } from '../i18n';
import type { MrrReport } from './mrr';

const Chart = lazy(() => import('./MrrChart'));

/**
 * The MRR chart, loaded when first drawn: the charting library is the bulk of
 * the reporting code, and a page's figures need not wait for it (nor does an
 * Operator, who is shown no chart).
 */
export function MrrChart({ report, height = 300 }: { report: MrrReport; height?: number }) {
  return (
    <Suspense fallback={<p className="loading chart-loading" role="status" style={{ height }}>{t.common.loading}</p>}>
      <Chart report={report} height={height} />
    </Suspense>
  );
}
