import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Field } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCustomerCards } from '../api/queries';
import { cardName } from '../shared/format';

const text = t.billing.create;

/**
 * The customer's cards to charge, the default one chosen unless another is.
 * With no card, says so and where to add one.
 */
export function PaymentMethodSelect({
  customerId,
  value,
  onChange,
  error,
  label = text.paymentMethod,
  noCards = text.noCards,
}: {
  customerId: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  label?: string;
  noCards?: ReactNode;
}) {
  const cards = useCustomerCards(customerId || undefined);
  const list: Schema<'PaymentMethod'>[] = cards.data?.data ?? [];
  const fallback = list.find((pm) => pm.default)?.id ?? list[0]?.id ?? '';
  // Preselect the default card once the cards are known (or when the chosen one is gone).
  useEffect(() => {
    if (cards.data && !list.some((pm) => pm.id === value) && fallback !== value) onChange(fallback);
  }, [cards.data, list, value, fallback, onChange]);

  if (!customerId) return null;
  if (cards.isPending) return <p className="loading">{t.common.loading}</p>;
  if (list.length === 0) {
    return (
      <div className="notice notice-info">
        <p>{noCards}</p>
        <Link to={`/customers/${customerId}?tab=payment-methods`}>{text.addCard}</Link>
        {error ? <p className="field-error" role="alert">{error}</p> : null}
      </div>
    );
  }
  return (
    <Field label={label} error={error}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {list.map((pm) => (
          <option key={pm.id} value={pm.id}>
            {pm.default ? text.defaultCard(cardName(pm)) : cardName(pm)}
          </option>
        ))}
      </select>
    </Field>
  );
}
