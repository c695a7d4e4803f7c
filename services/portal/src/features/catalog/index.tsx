import { Route, Routes } from 'react-router';
import { NotFound } from './pages/NotFound';
import { BundleNewPage } from './pages/BundleNewPage';
import { BundlePage } from './pages/BundlePage';
import { BundlesPage } from './pages/BundlesPage';
import { PricePage } from './pages/PricePage';

/** Bundles & pricing: /catalog/* (bundles, their entitlements and their immutable prices). */
export default function CatalogSection() {
  return (
    <Routes>
      <Route index element={<BundlesPage />} />
      <Route path="bundles/new" element={<BundleNewPage />} />
      <Route path="bundles/:id" element={<BundlePage />} />
      <Route path="prices/:id" element={<PricePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
