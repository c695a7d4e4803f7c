import { Route, Routes } from 'react-router';
import { NotFound } from './NotFound';
import { PlatformOnly } from './PlatformOnly';
import { TenantPage } from './TenantPage';
import { TenantsPage } from './TenantsPage';

/** The platform administrator's tenants (/tenants/*): the list, Create tenant, a tenant's page, acting in it. */
export default function TenantsSection() {
  return (
    <PlatformOnly>
      <Routes>
        <Route index element={<TenantsPage />} />
        <Route path=":id" element={<TenantPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </PlatformOnly>
  );
}
