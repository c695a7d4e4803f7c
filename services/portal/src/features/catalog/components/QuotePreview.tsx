import { useId, useState } from 'react';
import { Card, ErrorNotice, Field, Money } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { usePriceQuote, type Price } from '../api/queries';
import { useDebounced } from '../../../lib/use-debounced';
import { MAX_QUANTITY } from '../model/tiers';
import { perInterval } from '../model/format';

const text = t.catalog.quote;

/** The quantity typed, when it is one the API would quote (a whole number from 1 to a million). */
function quantityOf(input: string): number | undefined {
  const s = input.trim();
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1 && n <= MAX_QUANTITY ? n : undefined;
}

/**
 * "What does a quantity cost?": the catalog's own quote for one period at the
 * quantity typed (GET /prices/{id}/quote), so that the portal never computes
 * a price itself.
 */
export function QuotePreview({ price }: { price: Price }) {
  const [input, setInput] = useState('1');
  const quantity = useDebounced(quantityOf(input));
  const quote = usePriceQuote(price.id, quantity);
  const resultId = useId();
  const invalid = input.trim() !== '' && quantityOf(input) === undefined;
  const data = quote.data;

  return (
    <Card title={text.title} className="cat-quote-card">
      <p className="muted">{text.description}</p>
      <Field label={text.quantity} error={invalid ? text.quantityInvalid(MAX_QUANTITY) : undefined} className="cat-quote-quantity">
        <input type="text" inputMode="numeric" autoComplete="off" value={input} onChange={(e) => setInput(e.target.value)} aria-controls={resultId} />
      </Field>
      <div id={resultId} className="cat-quote-result" aria-live="polite" aria-busy={quote.isFetching || undefined}>
        {quote.isError ? (
          <ErrorNotice error={quote.error} onRetry={() => void quote.refetch()} />
        ) : data ? (
          <>
            <p className="cat-quote-line">
              <span className="cat-quote-label">{text.perPeriod(data.quantity)}</span>
              <span className="cat-quote-amount">
                <Money amount={data.amount} currency={data.currency} /> <span className="muted">{perInterval(data.interval, data.intervalCount)}</span>
              </span>
            </p>
            <p className="cat-quote-line">
              <span className="cat-quote-label">{text.setupFee}</span>
              <span>{data.setupFee > 0 ? <Money amount={data.setupFee} currency={data.currency} /> : text.noSetupFee}</span>
            </p>
            {data.trialDays > 0 ? <p className="muted">{text.trial(data.trialDays)}</p> : null}
            <p className="muted cat-quote-note">{text.excludes}</p>
            {!data.sellable ? (
              <p className="notice notice-warn">{text.unsellable(t.catalog.unsellable[data.unsellableReason as keyof typeof t.catalog.unsellable] ?? data.unsellableReason ?? '')}</p>
            ) : null}
          </>
        ) : quote.isFetching ? (
          <p className="loading" role="status">
            {t.common.loading}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
