import { Button } from '../components';
import { downloadCsv, toCsv, type CsvColumn } from '../csv';
import { t } from '../i18n';

/** "Download CSV": the report's rows as a file, built from the figures on screen. */
export function CsvButton<T>({ filename, rows, columns, disabled }: { filename: string; rows: readonly T[]; columns: readonly CsvColumn<T>[]; disabled?: boolean }) {
  return (
    <Button size="small" disabled={disabled} onClick={() => downloadCsv(filename, toCsv(rows, columns))}>
      {t.analytics.csv.button}
    </Button>
  );
}

/** `mrr-2026-11-02-to-2026-12-01.csv`: the report and the UTC days it covers. */
export function csvFilename(report: string, period: { from: string; to: string }): string {
  const last = new Date(Date.parse(period.to) - 1).toISOString().slice(0, 10);
  return `${report}-${period.from.slice(0, 10)}-to-${last}.csv`;
}
