import { Route, Routes } from 'react-router';
import { PaymentPage } from './payments/PaymentPage';
import { PaymentsListPage } from './payments/PaymentsListPage';
import { NotFound } from './shared/NotFound';

/** /payments/* — every payment (where "Process refund" starts), one payment. */
export default function PaymentsSection() {
  return (
    <Routes>
      <Route index element={<PaymentsListPage />} />
      <Route path=":id" element={<PaymentPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
