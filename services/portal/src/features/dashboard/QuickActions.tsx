import { useId } from 'react';
import { Link } from 'react-router';
import { Card } from '../../lib/components';
import { t } from '../../lib/i18n';
import { can, useMe, type Area, type Level } from '../../lib/session';

const text = t.dashboard.quickActions;

interface Action {
  label: string;
  hint: string;
  to: string;
  area: Area;
  level: Level;
}

/** The product description's quick actions, each one click away; a role sees only those it may do. */
export const ACTIONS: readonly Action[] = [
  { label: text.createSubscription, hint: text.createSubscriptionHint, to: '/subscriptions/new', area: 'billing', level: 'write' },
  { label: text.processRefund, hint: text.processRefundHint, to: '/payments', area: 'refunds', level: 'write' },
  { label: text.manageCustomers, hint: text.manageCustomersHint, to: '/customers', area: 'customers', level: 'read' },
  { label: text.configureCampaigns, hint: text.configureCampaignsHint, to: '/campaigns', area: 'campaigns', level: 'read' },
];

function QuickAction({ action }: { action: Action }) {
  const hintId = useId();
  return (
    <li className="quick-action">
      <Link to={action.to} aria-describedby={hintId}>
        {action.label}
      </Link>
      <p id={hintId} className="muted">
        {action.hint}
      </p>
      <span className="quick-action-arrow" aria-hidden="true">
        →
      </span>
    </li>
  );
}

export function QuickActions() {
  const me = useMe().data;
  const actions = ACTIONS.filter((a) => can(me, a.area, a.level));
  return (
    <Card title={text.title} className="quick-actions">
      {actions.length === 0 ? (
        <p className="muted">{text.none}</p>
      ) : (
        <ul className="quick-action-list">
          {actions.map((action) => (
            <QuickAction key={action.to} action={action} />
          ))}
        </ul>
      )}
    </Card>
  );
}
