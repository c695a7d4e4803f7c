import type { CheckoutPrice } from '../api/client';
import { useLocalized } from '../i18n';
import { entitlementText, priceLabel } from './words';

/** What is bought: the chosen price's bundle, what it includes, and what is charged today. */
export function OrderSummary({ price, dueToday, sessionCoupon }: { price: CheckoutPrice; dueToday: number; sessionCoupon: string | null }) {
  const l = useLocalized();
  const { bundle } = price;
  const entitlements = bundle.entitlements.map(entitlementText).filter((e): e is string => e !== undefined);
  return (
    <section className="hosted-summary" aria-labelledby="hosted-bundle-name">
      <h2 id="hosted-bundle-name">{bundle.name}</h2>
      {bundle.description ? <p className="hosted-muted">{bundle.description}</p> : null}
      <p className="hosted-summary-price">{priceLabel(price, l)}</p>
      {entitlements.length > 0 ? (
        <>
          <h3 className="hosted-small-heading">{l.t.checkout.includes}</h3>
          <ul className="hosted-entitlements">
            {entitlements.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </>
      ) : null}
      {sessionCoupon ? <p className="hosted-tone-good">{l.t.checkout.couponSession(sessionCoupon)}</p> : null}
      <dl className="hosted-due">
        <dt>{l.t.checkout.dueToday}</dt>
        <dd>{l.money(dueToday, price.currency)}</dd>
      </dl>
    </section>
  );
}
