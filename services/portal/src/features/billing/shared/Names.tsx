import { Link } from 'react-router';
import { useBundle, useCustomer } from '../api/queries';

/**
 * Other objects named as people know them — a customer by name or email, a
 * bundle by its name — with the id while the name loads or if it cannot be read.
 */
export function CustomerLink({ id }: { id: string }) {
  const customer = useCustomer(id).data;
  const label = customer ? (customer.name ?? customer.email ?? id) : id;
  return (
    <Link to={`/customers/${id}`} className={customer?.name || customer?.email ? undefined : 'mono'}>
      {label}
    </Link>
  );
}

export function BundleName({ id }: { id: string }) {
  const bundle = useBundle(id).data;
  return bundle ? <>{bundle.name}</> : <span className="mono">{id}</span>;
}
