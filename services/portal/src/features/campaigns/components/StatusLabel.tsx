import { StatusBadge } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import type { CampaignStatus } from '../api/campaigns';

/** A campaign's status as a word in a coloured badge. */
export function StatusLabel({ status }: { status: CampaignStatus }) {
  return <StatusBadge status={status} label={t.campaigns.statuses[status]} />;
}
