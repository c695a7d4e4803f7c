import { Route, Routes } from 'react-router';
import { InvoicePage } from './invoices/InvoicePage';
import { NotFound } from './shared/NotFound';

/** /invoices/* — one invoice (the lists are on the customer and the subscription). */
export default function InvoicesSection() {
  return (
    <Routes>
      <Route path=":id" element={<InvoicePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
