import { Route, Routes } from 'react-router';
import { NotFound } from './shared/NotFound';
import { CreateSubscriptionPage } from './subscriptions/CreateSubscriptionPage';
import { SubscriptionPage } from './subscriptions/SubscriptionPage';
import { SubscriptionsListPage } from './subscriptions/SubscriptionsListPage';

/** /subscriptions/* — the list, "Create subscription", one subscription. */
export default function SubscriptionsSection() {
  return (
    <Routes>
      <Route index element={<SubscriptionsListPage />} />
      <Route path="new" element={<CreateSubscriptionPage />} />
      <Route path=":id" element={<SubscriptionPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
