import { Route, Routes } from 'react-router';
import { NotFound } from './pages/NotFound';
import { CampaignListPage } from './pages/CampaignListPage';
import { CampaignPage } from './pages/CampaignPage';
import { NewCampaignPage } from './pages/NewCampaignPage';

/** The campaigns section (/campaigns/*): the list, a new campaign, one campaign (view, edit, evaluate, performance). */
export default function CampaignsSection() {
  return (
    <Routes>
      <Route index element={<CampaignListPage />} />
      <Route path="new" element={<NewCampaignPage />} />
      <Route path=":id" element={<CampaignPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
