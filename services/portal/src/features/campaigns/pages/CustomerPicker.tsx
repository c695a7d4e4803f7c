import { useId, useState } from 'react';
import type { Schema } from '../../../lib/api';
import { Button, Field } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCustomerSearch } from '../api/options';
import { useDebounced } from '../../../lib/use-debounced';

const e = t.campaigns.evaluate;
type Customer = Schema<'Customer'>;

const nameOf = (c: Customer) => c.name ?? c.email ?? c.id;

/**
 * Chooses a customer by searching their email or name (GET /customers?q=):
 * the matches are buttons; the one chosen is shown with a way to change it.
 */
export function CustomerPicker({ onChange, error }: { onChange(customerId: string): void; error?: string | undefined }) {
  const [term, setTerm] = useState('');
  const [chosen, setChosen] = useState<Customer>();
  const search = useDebounced(term.trim());
  const results = useCustomerSearch(search);
  const resultsId = useId();

  if (chosen) {
    return (
      <div className="field">
        <span className="cmp-field-label" id={`${resultsId}-chosen`}>
          {e.chosen}
        </span>
        <div className="cmp-chosen-customer" aria-labelledby={`${resultsId}-chosen`} role="group">
          <div className="cmp-cell-stack">
            <strong>{nameOf(chosen)}</strong>
            {chosen.email && chosen.name ? <span className="muted">{chosen.email}</span> : null}
          </div>
          <Button
            size="small"
            onClick={() => {
              setChosen(undefined);
              onChange('');
            }}
          >
            {e.change}
          </Button>
        </div>
      </div>
    );
  }

  const list = results.data?.data ?? [];
  return (
    <div className="cmp-customer-picker">
      <Field label={e.customerSearch} error={error} hint={term.trim().length > 0 && term.trim().length < 2 ? e.typeMore : undefined}>
        <input type="search" value={term} placeholder={e.customerPlaceholder} autoComplete="off" onChange={(ev) => setTerm(ev.target.value)} />
      </Field>
      {search.length >= 2 ? (
        <div className="cmp-picker-results" aria-live="polite">
          {results.isFetching && list.length === 0 ? <p className="muted">{e.searching}</p> : null}
          {results.isSuccess && list.length === 0 ? <p className="muted">{e.noCustomers}</p> : null}
          {list.length > 0 ? (
            <ul aria-label={e.results} className="cmp-picker-list">
              {list.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="cmp-picker-option"
                    onClick={() => {
                      setChosen(c);
                      onChange(c.id);
                    }}
                  >
                    <span className="sr-only">{e.choosePrefix}</span>
                    <strong>{nameOf(c)}</strong>
                    {c.email && c.name ? <span className="muted">{c.email}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
