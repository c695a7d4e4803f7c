import { Navigate, Route, Routes, useLocation } from 'react-router';
import { EmptyState } from '../../lib/components';
import { t } from '../../lib/i18n';
import { can, useMe } from '../../lib/session';
import { AnalyticsLayout } from './AnalyticsLayout';
import { CampaignReportPage } from './campaigns/CampaignReportPage';
import { ChurnReportPage } from './churn/ChurnReportPage';
import { CustomerReportPage } from './customers/CustomerReportPage';
import { MrrReportPage } from './mrr/MrrReportPage';
import { PaymentReportPage } from './payments/PaymentReportPage';
import { ReportGuard } from './ReportGuard';
import { periodSearch, REPORTS } from './reports';
import { RevenueReportPage } from './revenue/RevenueReportPage';

/** `/analytics` opens the first report the role may read (the payment report, for an operator). */
function FirstReport() {
  const me = useMe().data;
  const location = useLocation();
  const first = REPORTS.find((r) => can(me, r.area));
  if (!first) return <ReportGuard area="analytics">{null}</ReportGuard>;
  return <Navigate to={{ pathname: `/analytics/${first.path}`, search: periodSearch(location.search) }} replace />;
}

/** Analytics & reporting, mounted at `/analytics/*`: one sub-path per report. */
export default function Analytics() {
  return (
    <Routes>
      <Route element={<AnalyticsLayout />}>
        <Route index element={<FirstReport />} />
        <Route path="revenue" element={<ReportGuard area="analytics"><RevenueReportPage /></ReportGuard>} />
        <Route path="mrr" element={<ReportGuard area="analytics"><MrrReportPage /></ReportGuard>} />
        <Route path="churn" element={<ReportGuard area="analytics"><ChurnReportPage /></ReportGuard>} />
        <Route path="customers" element={<ReportGuard area="analytics"><CustomerReportPage /></ReportGuard>} />
        <Route path="payments" element={<ReportGuard area="paymentReports"><PaymentReportPage /></ReportGuard>} />
        <Route path="campaigns" element={<ReportGuard area="analytics"><CampaignReportPage /></ReportGuard>} />
        <Route path="*" element={<EmptyState title={t.analytics.noSuchReport} />} />
      </Route>
    </Routes>
  );
}
