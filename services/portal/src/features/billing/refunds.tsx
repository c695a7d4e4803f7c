import { Route, Routes } from 'react-router';
import { RefundPage } from './refunds/RefundPage';
import { NotFound } from './shared/NotFound';

/** /refunds/* — one refund (the lists are on the payment and the customer). */
export default function RefundsSection() {
  return (
    <Routes>
      <Route path=":id" element={<RefundPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
