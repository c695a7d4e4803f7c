import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Allowed, Button, PageHeader, QueryState, StatusBadge, Tabs, type TabItem } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useCustomer } from '../api/queries';
import { PaymentMethodsTab } from '../cards/PaymentMethodsTab';
import { SupportRequestsTab } from '../support/SupportRequestsTab';
import { EntitlementsTab } from '../tabs/EntitlementsTab';
import { InvoicesTab } from '../tabs/InvoicesTab';
import { PaymentsTab } from '../tabs/PaymentsTab';
import { RefundsTab } from '../tabs/RefundsTab';
import { SubscriptionsTab } from '../tabs/SubscriptionsTab';
import { EditCustomerDialog } from './EditCustomerDialog';
import { EraseCustomerDialog } from './EraseCustomerDialog';
import { ProfileCard } from './ProfileCard';
import '../customers.css';

type Customer = Schema<'Customer'>;

export const CUSTOMER_TABS = ['subscriptions', 'invoices', 'payments', 'refunds', 'payment-methods', 'entitlements', 'support-requests'] as const;
export type CustomerTab = (typeof CUSTOMER_TABS)[number];

const tabText = t.customers.tabs;

function tabsOf(customer: Customer): TabItem[] {
  const id = customer.id;
  return [
    { id: 'subscriptions', label: tabText.subscriptions, content: <SubscriptionsTab customer={customer} /> },
    { id: 'invoices', label: tabText.invoices, content: <InvoicesTab customerId={id} /> },
    { id: 'payments', label: tabText.payments, content: <PaymentsTab customerId={id} /> },
    { id: 'refunds', label: tabText.refunds, content: <RefundsTab customerId={id} /> },
    { id: 'payment-methods', label: tabText.paymentMethods, content: <PaymentMethodsTab customer={customer} /> },
    { id: 'entitlements', label: tabText.entitlements, content: <EntitlementsTab customerId={id} /> },
    { id: 'support-requests', label: tabText.supportRequests, content: <SupportRequestsTab customer={customer} /> },
  ];
}

/** /customers/:id — the profile and, one tab each, everything the customer has (the tab is kept in the URL). */
export function CustomerPage() {
  const { id = '' } = useParams();
  const query = useCustomer(id);
  return (
    <QueryState query={query}>
      {(customer) => <CustomerView customer={customer} />}
    </QueryState>
  );
}

function CustomerView({ customer }: { customer: Customer }) {
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<'edit' | 'erase' | null>(null);
  const tab = CUSTOMER_TABS.find((name) => name === params.get('tab')) ?? 'subscriptions';
  const title = customer.name ?? customer.email ?? customer.id;
  const text = t.customers.page;

  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={<Link to="/customers">{text.breadcrumb}</Link>}
        description={
          <span className="row cus-subtitle">
            {customer.name && customer.email ? <span>{customer.email}</span> : null}
            <code className="muted">{customer.id}</code>
            {customer.erased ? <StatusBadge status="canceled" label={t.customers.erased} /> : null}
          </span>
        }
        actions={
          customer.erased ? null : (
            <Allowed area="customers">
              <Button onClick={() => setDialog('edit')}>{text.edit}</Button>
              <Button variant="danger" onClick={() => setDialog('erase')}>
                {text.erase}
              </Button>
            </Allowed>
          )
        }
      />
      <div className="stack">
        {customer.erased && customer.erasedAt ? (
          <div className="notice notice-info" role="status">
            {t.customers.erasedNotice(formatDateTime(customer.erasedAt))}
          </div>
        ) : null}
        <ProfileCard customer={customer} />
        <Tabs
          label={text.tabs}
          items={tabsOf(customer)}
          selected={tab}
          onSelect={(next) => setParams(next === 'subscriptions' ? {} : { tab: next }, { replace: true })}
        />
      </div>
      <EditCustomerDialog customer={customer} open={dialog === 'edit'} onClose={() => setDialog(null)} />
      <EraseCustomerDialog customer={customer} open={dialog === 'erase'} onClose={() => setDialog(null)} />
    </>
  );
}
