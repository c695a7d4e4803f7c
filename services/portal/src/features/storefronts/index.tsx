import { Route, Routes } from 'react-router';
import { NotFound } from './pages/NotFound';
import { StorefrontNewPage } from './pages/StorefrontNewPage';
import { StorefrontPage } from './pages/StorefrontPage';
import { StorefrontsPage } from './pages/StorefrontsPage';

/** Storefronts: /storefronts/* — where a tenant sells, in its branding, currencies and languages. */
export default function StorefrontsSection() {
  return (
    <Routes>
      <Route index element={<StorefrontsPage />} />
      <Route path="new" element={<StorefrontNewPage />} />
      <Route path=":id" element={<StorefrontPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
