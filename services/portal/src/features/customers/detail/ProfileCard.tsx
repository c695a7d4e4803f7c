import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Card, DescriptionList, Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';

const text = t.customers.page;
const none = <span className="muted">—</span>;

/** The customer's profile: who they are, where they buy, and the tenant's own metadata. */
export function ProfileCard({ customer }: { customer: Schema<'Customer'> }) {
  const metadata = Object.entries(customer.metadata);
  return (
    <Card title={text.profile}>
      <DescriptionList
        items={[
          [text.email, customer.email ?? none],
          [text.name, customer.name ?? none],
          [text.country, customer.country ?? none],
          [text.locale, customer.locale ?? none],
          [text.storefront, customer.storefrontId ? <Link to={`/storefronts/${customer.storefrontId}`}>{customer.storefrontId}</Link> : none],
          [text.created, <Time value={customer.createdAt} />],
        ]}
      />
      <div className="cus-metadata-view">
        <h3>{text.metadata}</h3>
        {metadata.length === 0 ? (
          <p className="muted">{text.noMetadata}</p>
        ) : (
          <dl className="cus-metadata-list">
            {metadata.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </Card>
  );
}
