import { Route, Routes } from 'react-router';
import { EmptyState } from '../../lib/components';
import { t } from '../../lib/i18n';
import { TestClockPage } from './TestClockPage';

/** The sandbox test clock, mounted at `/test-clock/*`. */
export default function TestClock() {
  return (
    <Routes>
      <Route index element={<TestClockPage />} />
      <Route path="*" element={<EmptyState title={t.app.errors.notFound} />} />
    </Routes>
  );
}
