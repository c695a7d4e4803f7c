import { useEffect, useId } from 'react';
import { Fieldset, QueryState } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useActiveBundles, useActivePrices, useBundle } from '../api/queries';
import { priceExtras, priceLabel } from '../shared/format';

const text = t.billing.create;

/** Cheapest first, as a person compares them; tiered prices (no single amount) last. */
const byAmount = <P extends { amount: number | null }>(prices: P[]) => [...prices].sort((a, b) => (a.amount ?? Infinity) - (b.amount ?? Infinity));

export interface PricePickerProps {
  bundleId: string;
  priceId: string;
  onBundle: (bundleId: string) => void;
  onPrice: (priceId: string) => void;
  error?: string;
  /** The price in force (change of price): marked as such. */
  currentPriceId?: string;
}

/** Chooses a price: a bundle first, then one of its active prices, each shown with its amount and interval. */
export function PricePicker({ bundleId, priceId, onBundle, onPrice, error, currentPriceId }: PricePickerProps) {
  const id = useId();
  const bundles = useActiveBundles();
  // The bundle of a subscription may have been archived since: it stays choosable by name.
  const extra = useBundle(bundleId && !bundles.data?.data.some((b) => b.id === bundleId) ? bundleId : undefined).data;
  const prices = useActivePrices(bundleId || undefined);
  const choices = [...(bundles.data?.data ?? []), ...(extra ? [extra] : [])];
  // With one bundle to sell there is nothing to choose: its prices are shown at once.
  const only = choices.length === 1 ? choices[0]!.id : undefined;
  useEffect(() => {
    if (only && !bundleId) onBundle(only);
  }, [only, bundleId, onBundle]);

  return (
    <>
      <div className="field">
        <label htmlFor={id}>{text.bundle}</label>
        <QueryState query={bundles}>
          {() =>
            choices.length === 0 ? (
              <p className="notice notice-info">{text.noBundles}</p>
            ) : (
              <select id={id} value={bundleId} onChange={(e) => onBundle(e.target.value)}>
                <option value="">{text.chooseBundle}</option>
                {choices.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            )
          }
        </QueryState>
      </div>
      {bundleId ? (
        <Fieldset legend={text.price} error={error} className="bill-prices">
          <QueryState query={prices}>
            {(list) =>
              list.data.length === 0 ? (
                <p className="muted">{text.noPrices}</p>
              ) : (
                <div className="bill-price-options">
                  {byAmount(list.data).map((p) => {
                    const extras = priceExtras(p);
                    return (
                      <label key={p.id} className={['bill-price-option', p.id === priceId ? 'is-selected' : ''].join(' ').trim()}>
                        <input type="radio" name={`${id}-price`} value={p.id} checked={p.id === priceId} onChange={() => onPrice(p.id)} />
                        <span className="bill-price-text">
                          <span className="bill-price-amount">{priceLabel(p)}</span>
                          <span className="muted bill-small">
                            {[p.currency, ...extras, p.id === currentPriceId ? t.billing.changePrice.current : null].filter(Boolean).join(' · ')}
                          </span>
                        </span>
                      </label>
                    );
                  })}
                </div>
              )
            }
          </QueryState>
        </Fieldset>
      ) : error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
