import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { FormProblem, PageHeader, QueryState } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useCampaign, useUpdateCampaign, type Campaign } from '../api/campaigns';
import { StatusLabel } from '../components/StatusLabel';
import { CampaignForm } from '../form/CampaignForm';
import { updateBody, valuesOf } from '../form/values';
import { CampaignOverview } from './CampaignOverview';
import { EvaluatePanel } from './EvaluatePanel';
import { PerformanceCard } from './PerformanceCard';
import { StatusActions } from './StatusActions';
import '../campaigns.css';

const d = t.campaigns.detail;

function EditCampaign({ campaign, onDone }: { campaign: Campaign; onDone(): void }) {
  const update = useUpdateCampaign(campaign.id);
  const [defaults] = useState(() => valuesOf(campaign));
  return (
    <CampaignForm
      defaultValues={defaults}
      campaign={campaign}
      submitLabel={t.campaigns.form.submitEdit}
      onCancel={onDone}
      onSubmit={async (values) => {
        await update.mutateAsync(updateBody(values, campaign));
        toast.success(t.campaigns.form.saved);
        onDone();
      }}
    />
  );
}

function CampaignView({ campaign }: { campaign: Campaign }) {
  const [params, setParams] = useSearchParams();
  const canEdit = useCan('campaigns', 'write') && campaign.status !== 'ended';
  const canReport = useCan('analytics', 'read');
  const [moveError, setMoveError] = useState<unknown>();
  const editing = canEdit && params.get('edit') === '1';
  const stopEditing = () => setParams({}, { replace: true });

  return (
    <>
      <PageHeader
        title={editing ? d.editTitle(campaign.name) : campaign.name}
        breadcrumb={<Link to="/campaigns">{t.campaigns.breadcrumb}</Link>}
        description={
          <span className="cmp-meta">
            <StatusLabel status={campaign.status} />
            <code className="muted">{campaign.id}</code>
          </span>
        }
        actions={
          editing ? undefined : (
            <>
              {canEdit ? (
                <Link to="?edit=1" className="btn btn-secondary">
                  {d.edit}
                </Link>
              ) : null}
              <StatusActions campaign={campaign} onError={setMoveError} />
            </>
          )
        }
      />
      {moveError ? <FormProblem message={moveError instanceof Error ? moveError.message : String(moveError)} /> : null}
      {editing ? (
        <EditCampaign campaign={campaign} onDone={stopEditing} />
      ) : (
        <div className="cmp-layout">
          <div className="cmp-main">
            {campaign.status === 'ended' ? <p className="notice notice-info cmp-ended-note">{d.endedNote}</p> : null}
            {canReport ? <PerformanceCard campaign={campaign} /> : null}
            <CampaignOverview campaign={campaign} />
          </div>
          <div className="cmp-side stack">
            <EvaluatePanel campaign={campaign} />
          </div>
        </div>
      )}
    </>
  );
}

/** /campaigns/:id: the campaign, its status actions, evaluation and performance; `?edit=1` edits it. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const query = useCampaign(id);
  if (query.isSuccess) return <CampaignView campaign={query.data} />;
  return (
    <>
      <PageHeader title={d.loadingTitle} breadcrumb={<Link to="/campaigns">{t.campaigns.breadcrumb}</Link>} />
      <QueryState query={query}>{() => null}</QueryState>
    </>
  );
}
