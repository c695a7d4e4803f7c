import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCustomer, useCustomerSearch } from '../api/queries';
import { customerQuery } from './subscription-form';

const text = t.billing.create;

/**
 * Chooses the customer: search by email or the start of a name, then pick one
 * of the matches. Once chosen, the customer is shown with a way to change.
 */
export function CustomerPicker({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(typed.trim()), 200);
    return () => clearTimeout(timer);
  }, [typed]);
  const chosen = useCustomer(value || undefined);
  const searching = !value && debounced.length >= 2;
  const results = useCustomerSearch(customerQuery(debounced), searching);
  const errorId = error ? `${id}-error` : undefined;

  if (value) {
    const c = chosen.data;
    return (
      <div className="field">
        <span className="bill-label" id={`${id}-label`}>
          {text.customer}
        </span>
        <div className="bill-chosen" aria-labelledby={`${id}-label`} role="group">
          <div>
            <p className="bill-chosen-name">{c ? (c.name ?? c.email ?? c.id) : value}</p>
            <p className="muted bill-small">
              {c?.name && c.email ? `${c.email} · ` : ''}
              <span className="mono">{value}</span>
            </p>
          </div>
          <Button size="small" onClick={() => onChange('')}>
            {text.change}
          </Button>
        </div>
        {error ? <p className="field-error" role="alert">{error}</p> : null}
      </div>
    );
  }

  const found = results.data?.data ?? [];
  return (
    <div className={['field', error ? 'field-invalid' : ''].join(' ').trim()}>
      <label htmlFor={id}>{text.customer}</label>
      <input
        id={id}
        type="search"
        value={typed}
        autoComplete="off"
        placeholder={text.customerSearch}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
        onChange={(e) => setTyped(e.target.value)}
      />
      <p id={`${id}-hint`} className="field-hint">
        {text.customerSearchHint}
      </p>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {searching ? (
        <div aria-live="polite">
          {found.length > 0 ? (
            <ul className="bill-results" aria-label={text.customerResults}>
              {found.map((c) => (
                <li key={c.id}>
                  <button type="button" className="bill-result" onClick={() => onChange(c.id)}>
                    <span className="bill-result-name">{c.name ?? c.email}</span>
                    <span className="muted bill-small">{c.name ? c.email : c.id}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : results.isFetching ? null : (
            <p className="muted bill-small">
              {text.noCustomerMatch} <Link to="/customers/new">{t.customers.create}</Link>
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
