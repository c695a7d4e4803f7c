import { Navigate, Route, Routes } from 'react-router';
import { RequireWebhooks } from './components/Access';
import { EndpointPage } from './endpoints/EndpointPage';
import { NotFound } from './pages/NotFound';
import { WebhooksPage } from './pages/WebhooksPage';
import './developers.css';

/**
 * Developers: /developers/* — the webhook endpoints of the environment, each
 * one's deliveries, and the events list. Administrators change them, Managers
 * read them, other roles do not see the section.
 */
export default function DevelopersSection() {
  return (
    <RequireWebhooks>
      <Routes>
        <Route index element={<Navigate to="webhooks" replace />} />
        <Route path="webhooks" element={<WebhooksPage />} />
        <Route path="webhooks/:id" element={<EndpointPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </RequireWebhooks>
  );
}
