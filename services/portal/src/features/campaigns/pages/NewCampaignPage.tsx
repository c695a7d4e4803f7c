import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Allowed, PageHeader } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCreateCampaign } from '../api/campaigns';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { CampaignForm } from '../form/CampaignForm';
import { createBody, emptyCampaign } from '../form/values';

/** /campaigns/new: a campaign is created as a draft, then activated from its page. */
export function NewCampaignPage() {
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const idempotency = useIdempotencyKey();
  const [defaults] = useState(emptyCampaign);
  return (
    <>
      <PageHeader title={t.campaigns.create} breadcrumb={<Link to="/campaigns">{t.campaigns.breadcrumb}</Link>} />
      <Allowed area="campaigns" level="write" explain>
        <CampaignForm
          defaultValues={defaults}
          submitLabel={t.campaigns.form.submitCreate}
          onCancel={() => navigate('/campaigns')}
          onSubmit={async (values) => {
            const body = createBody(values);
            const key = idempotency.keyFor(body);
            try {
              const campaign = await create.mutateAsync({ body, key });
              idempotency.settle();
              toast.success(t.campaigns.form.created);
              navigate(`/campaigns/${campaign.id}`);
            } catch (error) {
              idempotency.settle(error);
              throw error;
            }
          }}
        />
      </Allowed>
    </>
  );
}
