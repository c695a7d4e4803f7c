import { useId } from 'react';
import type { CheckoutPrice } from '../api/client';
import { useLocalized } from '../i18n';
import { priceDetails, priceLabel } from './words';

/**
 * The radio group "Plan": one radio per price. The whole card is its label to
 * click, but its accessible name is the amount per interval alone; the
 * trial, fees, tax and what is due today describe it.
 */
export function PlanOptions({ prices, quantity, value, onChange, error }: {
  prices: CheckoutPrice[];
  quantity: number;
  value: string;
  onChange: (priceId: string) => void;
  error?: string | undefined;
}) {
  const l = useLocalized();
  const id = useId();
  const severalBundles = new Set(prices.map((p) => p.bundle.id)).size > 1;
  return (
    <fieldset className={`hosted-plans${error ? ' hosted-invalid' : ''}`} role="radiogroup" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>{l.t.checkout.plan}</legend>
      {prices.map((price) => {
        const details = [...(severalBundles ? [price.bundle.name] : []), ...priceDetails(price, quantity, l)];
        const nameId = `${id}-${price.id}-name`;
        const detailsId = `${id}-${price.id}-details`;
        return (
          <label key={price.id} className="hosted-plan">
            <input type="radio" name="priceId" value={price.id} checked={value === price.id} onChange={() => onChange(price.id)} aria-labelledby={nameId} aria-describedby={detailsId} />
            <span className="hosted-plan-text">
              <span id={nameId} className="hosted-plan-amount">{priceLabel(price, l)}</span>
              <span id={detailsId} className="hosted-plan-details">
                {details.map((d) => (
                  <span key={d}>{d}</span>
                ))}
                <span>
                  {l.t.checkout.dueToday}: {l.money(price.dueToday, price.currency)}
                </span>
              </span>
            </span>
          </label>
        );
      })}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
