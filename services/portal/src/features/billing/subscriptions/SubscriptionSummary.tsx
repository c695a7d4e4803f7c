import { Card, DescriptionList, Money } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { useQuote } from '../api/queries';

const text = t.billing.create;

/** What the chosen price costs at the chosen quantity (the API's quote) and what the first invoice charges. */
export function SubscriptionSummary({ priceId, quantity }: { priceId: string; quantity: number | undefined }) {
  const quote = useQuote(priceId || undefined, quantity);
  const q = quote.data;
  return (
    <Card title={text.summary} className="bill-summary">
      {!priceId || !q ? (
        <p className="muted">{priceId ? t.common.loading : text.pickPrice}</p>
      ) : (
        <>
          {!q.sellable && q.unsellableReason ? <p className="notice notice-warn">{text.quoteUnsellable(q.unsellableReason)}</p> : null}
          <DescriptionList
            items={[
              [text.perPeriod, t.billing.perInterval(formatMoney(q.amount, q.currency), q.intervalCount, q.interval)],
              [text.dueNow, q.trialDays > 0 ? text.trialNoCharge(q.trialDays) : <Money amount={q.amount + q.setupFee} currency={q.currency} />],
            ]}
          />
          <p className="field-hint bill-summary-hint">{text.beforeTax}</p>
        </>
      )}
    </Card>
  );
}
