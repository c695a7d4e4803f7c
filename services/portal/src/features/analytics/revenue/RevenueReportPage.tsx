import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../lib/api';
import { Card, EmptyState, Money, QueryState } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { CsvButton, csvFilename, Figure, formatBucket, sumByCurrency, TableScroll, Unconverted, usePeriodChoice, useReport } from '../../../lib/reporting';
import { ReportToolbar } from '../ReportToolbar';
import { csvRows, GROUP_BYS, isGroupBy, totalsByGroup, type GroupBy, type RevenueReport } from './revenue';
import { revenueCsvColumns } from './revenueCsv';
import { RevenueChart } from './RevenueChart';
import { useGroupNames } from './useGroupNames';

const text = t.analytics.revenue;

function GroupBySelect({ value, onChange }: { value: GroupBy | undefined; onChange: (value: GroupBy | undefined) => void }) {
  const id = useId();
  return (
    <div className="report-control">
      <label htmlFor={id}>{text.groupBy}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(isGroupBy(e.target.value) ? e.target.value : undefined)}>
        <option value="">{text.groups.none}</option>
        {GROUP_BYS.map((g) => (
          <option key={g} value={g}>
            {text.groups[g]}
          </option>
        ))}
      </select>
    </div>
  );
}

function RevenueTable({ report, groupBy, groupName }: { report: RevenueReport; groupBy: GroupBy | undefined; groupName: (g: string | null) => string }) {
  const currency = report.currency;
  const rows = groupBy
    ? totalsByGroup(report.data).map((g) => ({ key: g.group ?? '', label: groupName(g.group), ...g }))
    : [...report.data].reverse().map((r) => ({ key: r.at, label: formatBucket(r.at, report.interval), ...r }));
  return (
    <TableScroll label={groupBy ? text.byGroupCaption : text.tableCaption} tall>
      <table className="table report-table">
        <caption className="sr-only">{groupBy ? text.byGroupCaption : text.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupBy ? text.groups[groupBy] : t.analytics.dayUtc}</th>
            <th scope="col" className="num">{text.gross}</th>
            <th scope="col" className="num">{text.refunds}</th>
            <th scope="col" className="num">{text.net}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="bucket-label">{row.label}</th>
              <td className="num"><Money amount={row.gross} currency={currency} /></td>
              <td className="num"><Money amount={row.refunds} currency={currency} /></td>
              <td className="num"><Money amount={row.net} currency={currency} /></td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{text.total}</th>
            <td className="num"><Money amount={report.totals.gross} currency={currency} /></td>
            <td className="num"><Money amount={report.totals.refunds} currency={currency} /></td>
            <td className="num"><Money amount={report.totals.net} currency={currency} /></td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

/** Revenue (succeeded payments less refunds) over the period, by storefront, bundle or currency. */
export function RevenueReportPage() {
  const [choice] = usePeriodChoice();
  const [params, setParams] = useSearchParams();
  const raw = params.get('groupBy');
  const groupBy = isGroupBy(raw) ? raw : undefined;
  const setGroupBy = (value: GroupBy | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set('groupBy', value);
      else next.delete('groupBy');
      return next;
    }, { replace: true });
  const groupName = useGroupNames(groupBy);
  const query = useReport(['analytics', 'revenue', { groupBy }], choice, ({ from, to, interval }) =>
    unwrap(api.GET('/analytics/revenue', { params: { query: { from, to, interval, ...(groupBy ? { groupBy } : {}) } } })),
  );
  const report = query.data;
  return (
    <div className="stack">
      <ReportToolbar
        covering={report?.period}
        controls={<GroupBySelect value={groupBy} onChange={setGroupBy} />}
        csv={report ? <CsvButton filename={csvFilename('revenue', report.period)} rows={csvRows(report)} columns={revenueCsvColumns(groupName)} /> : null}
      />
      <QueryState query={query}>
        {(r) => {
          const unconverted = sumByCurrency(r.unconverted, (row) => row.net, (row) => row.currency);
          const empty = r.data.length === 0 && r.unconverted.length === 0;
          return (
            <div className={query.isPlaceholderData ? 'stack stale' : 'stack'}>
              {r.currency ? null : <p className="notice notice-info">{t.analytics.noCurrency}</p>}
              <div className="report-figures">
                <Figure label={text.gross} value={<Money amount={r.totals.gross} currency={r.currency} />} />
                <Figure label={text.refunds} value={<Money amount={r.totals.refunds} currency={r.currency} />} />
                <Figure label={text.net} value={<Money amount={r.totals.net} currency={r.currency} />} extra={<Unconverted amounts={unconverted} />} />
              </div>
              <Card title={groupBy ? `${text.chartTitle} ${text.perGroup(text.groups[groupBy])}` : text.chartTitle}>
                {empty ? (
                  <EmptyState title={text.empty}>{text.emptyHint}</EmptyState>
                ) : (
                  <div className="stack">
                    <RevenueChart report={r} groupBy={groupBy} groupName={groupName} />
                    {r.data.length > 0 ? <RevenueTable report={r} groupBy={groupBy} groupName={groupName} /> : null}
                    {unconverted.length > 0 ? <p className="muted report-note">{t.analytics.notConvertedHint}</p> : null}
                  </div>
                )}
              </Card>
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
