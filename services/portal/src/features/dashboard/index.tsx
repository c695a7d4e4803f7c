import { Route, Routes } from 'react-router';
import { EmptyState, PageHeader } from '../../lib/components';
import { t } from '../../lib/i18n';
import { DashboardPage } from './DashboardPage';

/** The dashboard section, mounted at `/`. */
export default function Dashboard() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route
        path="*"
        element={
          <>
            <PageHeader title={t.app.errors.notFoundTitle} />
            <EmptyState title={t.app.errors.notFound} />
          </>
        }
      />
    </Routes>
  );
}
