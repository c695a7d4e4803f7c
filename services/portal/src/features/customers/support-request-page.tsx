import { Route, Routes } from 'react-router';
import { NotFound } from './NotFound';
import { SupportRequestPage } from './support/SupportRequestPage';

/** /support-requests/* — one support request's thread (the list is on its customer's page). */
export default function SupportRequestsSection() {
  return (
    <Routes>
      <Route path=":id" element={<SupportRequestPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
