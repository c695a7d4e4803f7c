import { Route, Routes } from 'react-router';
import { CustomerPage } from './detail/CustomerPage';
import { CreateCustomerPage } from './form/CreateCustomerPage';
import { CustomersListPage } from './list/CustomersListPage';
import { NotFound } from './NotFound';

/** /customers/* — the list and search, a new customer, one customer's page. */
export default function CustomersSection() {
  return (
    <Routes>
      <Route index element={<CustomersListPage />} />
      <Route path="new" element={<CreateCustomerPage />} />
      <Route path=":id" element={<CustomerPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
