import { Link, useParams } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Card, DescriptionList, PageHeader, QueryState, StatusBadge, Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useCustomer, useSupportRequest } from '../api/queries';
import { ReplyForm } from './ReplyForm';
import { StatusForm } from './StatusForm';
import { Thread } from './Thread';
import '../customers.css';

const text = t.customers.request;
const words = t.customers.support;

/** /support-requests/:id — the thread, a reply, the status and priority, and the way back to the customer. */
export function SupportRequestPage() {
  const { id = '' } = useParams();
  const query = useSupportRequest(id);
  return <QueryState query={query}>{(request) => <SupportRequestView request={request} />}</QueryState>;
}

function SupportRequestView({ request }: { request: Schema<'SupportRequest'> }) {
  const customer = useCustomer(request.customerId).data;
  const canWrite = useCan('customers', 'write') && !customer?.erased;
  const customerName = customer ? (customer.name ?? customer.email ?? customer.id) : request.customerId;
  const customerLink = <Link to={`/customers/${request.customerId}?tab=support-requests`}>{customerName}</Link>;
  return (
    <>
      <PageHeader
        title={request.subject ?? text.title}
        breadcrumb={
          <>
            <Link to="/customers">{text.breadcrumb}</Link> <span aria-hidden="true">/</span> {customerLink}
          </>
        }
        description={
          <span className="cus-inline">
            <StatusBadge status={request.status} label={words.statuses[request.status]} />
            <StatusBadge status={request.priority} label={`${text.priority}: ${words.priorities[request.priority]}`} />
            <code className="muted">{request.id}</code>
          </span>
        }
      />
      <div className="cus-split">
        <Card title={text.thread} className="cus-split-main">
          <Thread messages={request.messages} />
          {canWrite ? <ReplyForm requestId={request.id} /> : <p className="muted role-note">{text.readOnly}</p>}
        </Card>
        <div className="stack cus-split-side">
          <Card title={text.details}>
            <DescriptionList
              items={[
                [text.customer, customerLink],
                [text.created, <Time value={request.createdAt} />],
                [text.updated, <Time value={request.updatedAt} />],
              ]}
            />
          </Card>
          {canWrite ? (
            <Card title={`${text.status} & ${text.priority.toLowerCase()}`}>
              <StatusForm request={request} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
