import { Button, Card, EmptyState, Money, QueryState, StatusBadge } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { CsvButton, Figure, formatCount, Rate, TableScroll, Unconverted } from '../../../lib/reporting';
import { variantCsvColumns, type CampaignReport } from './campaigns';
import { useCampaignDetail } from './useCampaignPerformance';
import { VariantsChart } from './VariantsChart';

const text = t.analytics.campaigns;

function VariantsTable({ report }: { report: CampaignReport }) {
  return (
    <TableScroll label={text.variantsCaption}>
      <table className="table report-table">
        <caption className="sr-only">{text.variantsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.variant}</th>
            <th scope="col" className="num">{text.assigned}</th>
            <th scope="col" className="num">{text.redemptions}</th>
            <th scope="col" className="num">{text.conversion}</th>
            <th scope="col" className="num">{text.revenue}</th>
          </tr>
        </thead>
        <tbody>
          {report.byVariant.map((v) => (
            <tr key={v.variant}>
              <th scope="row">{v.variant}</th>
              <td className="num">{formatCount(v.assigned)}</td>
              <td className="num">{formatCount(v.redemptions)}</td>
              <td className="num"><Rate value={v.conversionRate} /></td>
              <td className="num"><Money amount={v.revenue.amount} currency={v.revenue.currency} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One campaign's all-time performance: redemptions, revenue, and per variant the customers assigned and converted. */
export function CampaignDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const query = useCampaignDetail(id);
  return (
    <QueryState query={query}>
      {({ campaign, report }) => (
        <Card
          title={text.detailTitle(campaign.name)}
          actions={
            <>
              <CsvButton filename={`campaign-${campaign.id}.csv`} rows={report.byVariant} columns={variantCsvColumns} />
              <Button size="small" variant="ghost" onClick={onClose}>
                {text.close}
              </Button>
            </>
          }
        >
          <div className="stack">
            <div className="report-figures">
              <Figure label={text.status} value={<StatusBadge status={campaign.status} />} />
              <Figure label={text.redemptions} value={formatCount(report.redemptions)} />
              <Figure label={text.revenue} value={<Money amount={report.revenue.amount} currency={report.revenue.currency} />} extra={<Unconverted amounts={report.unconverted} />} />
            </div>
            {report.byVariant.length === 0 ? (
              <EmptyState title={text.noVariants} />
            ) : (
              <div className="chart-with-table">
                <VariantsChart variants={report.byVariant} />
                <VariantsTable report={report} />
              </div>
            )}
          </div>
        </Card>
      )}
    </QueryState>
  );
}
