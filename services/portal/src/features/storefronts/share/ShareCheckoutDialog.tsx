import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, isApiError, unwrap, type Schema } from '../../../lib/api';
import { Button, CopyButton, Dialog, Field, Fieldset, FormProblem } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useBundlePrices, useBundles } from '../../catalog/api/queries';
import { priceSummary } from '../../catalog/model/format';

const text = t.storefronts.share;

type Storefront = Schema<'Storefront'>;
type Body = Schema<'CreateCheckoutSessionRequest'>;

const EXPIRIES = [60, 1440, 10_080] as const;

/** The storefront's active prices of one bundle, in a currency the storefront sells. */
function PriceChoices({ bundleId, currencies, chosen, onToggle }: { bundleId: string; currencies: readonly string[]; chosen: readonly string[]; onToggle: (id: string) => void }) {
  const prices = useBundlePrices(bundleId, { status: 'active' });
  if (prices.isPending) return <p>{t.common.loading}</p>;
  const sellable = (prices.data?.data ?? []).filter((p) => currencies.includes(p.currency));
  if (sellable.length === 0) return <p className="field-hint">{text.noPrices}</p>;
  return (
    <>
      {sellable.map((price) => (
        <label key={price.id} className="checkbox">
          <input type="checkbox" checked={chosen.includes(price.id)} onChange={() => onToggle(price.id)} /> {priceSummary(price)}
        </label>
      ))}
    </>
  );
}

/**
 * "Share checkout link": a hosted checkout of this storefront for 1–5 prices,
 * its link shown once to copy and send (POST /checkout-sessions).
 */
export function ShareCheckoutDialog({ storefront, open, onClose }: { storefront: Storefront; open: boolean; onClose: () => void }) {
  const bundles = useBundles({ status: 'active' });
  const [bundleId, setBundleId] = useState('');
  const [priceIds, setPriceIds] = useState<string[]>([]);
  const [successUrl, setSuccessUrl] = useState('');
  const [cancelUrl, setCancelUrl] = useState('');
  const [customerEmail, setCustomerEmail] = useState('');
  const [allowCoupons, setAllowCoupons] = useState(true);
  const [expiresInMinutes, setExpires] = useState<number>(1440);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const idempotency = useIdempotencyKey();
  const create = useMutation({
    mutationFn: ({ body, key }: { body: Body; key: string }) => unwrap(api.POST('/checkout-sessions', { body, headers: { 'Idempotency-Key': key } })),
  });
  const currencies = storefront.regional.currencies;

  const toggle = (id: string) => setPriceIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(0, 5)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (priceIds.length === 0) local.priceIds = text.choosePrice;
    if (!URL.canParse(successUrl)) local.successUrl = text.absoluteUrl;
    if (!URL.canParse(cancelUrl)) local.cancelUrl = text.absoluteUrl;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const body: Body = { storefrontId: storefront.id, priceIds, successUrl, cancelUrl, allowCoupons, expiresInMinutes, ...(customerEmail.trim() ? { customerEmail: customerEmail.trim() } : {}) };
    try {
      await create.mutateAsync({ body, key: idempotency.keyFor(body) });
      idempotency.done();
    } catch (err) {
      idempotency.settle(err);
      if (isApiError(err)) setErrors(Object.fromEntries(err.fieldErrors.map((e) => [e.path.replace(/\[\d+\]$/, ''), e.message])));
    }
  };

  const close = () => {
    create.reset();
    setPriceIds([]);
    setErrors({});
    onClose();
  };

  const link = create.data?.url;
  return (
    <Dialog open={open} onClose={close} title={text.title} size="wide" footer={link ? <Button onClick={close}>{t.common.close}</Button> : null}>
      {link ? (
        <div className="stack">
          <p className="notice notice-success" role="status">
            {text.created(new Date(create.data!.expiresAt).toLocaleString())}
          </p>
          <Field label={text.link} hint={text.linkHint}>
            <input type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          </Field>
          <div className="row">
            <CopyButton text={link} label={text.copy} />
            <a href={link} target="_blank" rel="noreferrer noopener">
              {text.open}
            </a>
          </div>
        </div>
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-label={text.title}>
          <p>{text.intro(storefront.name)}</p>
          <Field label={text.bundle}>
            <select value={bundleId} onChange={(e) => setBundleId(e.target.value)}>
              <option value="">{text.chooseBundle}</option>
              {(bundles.data?.data ?? []).map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </Field>
          <Fieldset legend={text.prices} error={errors.priceIds}>
            {bundleId ? <PriceChoices bundleId={bundleId} currencies={currencies} chosen={priceIds} onToggle={toggle} /> : <p className="field-hint">{text.bundleFirst}</p>}
          </Fieldset>
          <Field label={text.successUrl} error={errors.successUrl} hint={text.successHint}>
            <input type="url" value={successUrl} onChange={(e) => setSuccessUrl(e.target.value)} placeholder="https://" />
          </Field>
          <Field label={text.cancelUrl} error={errors.cancelUrl} hint={text.cancelHint}>
            <input type="url" value={cancelUrl} onChange={(e) => setCancelUrl(e.target.value)} placeholder="https://" />
          </Field>
          <Field label={text.customerEmail} error={errors.customerEmail} hint={text.customerEmailHint}>
            <input type="email" value={customerEmail} onChange={(e) => setCustomerEmail(e.target.value)} />
          </Field>
          <Field label={text.expires}>
            <select value={expiresInMinutes} onChange={(e) => setExpires(Number(e.target.value))}>
              {EXPIRIES.map((m) => (
                <option key={m} value={m}>
                  {text.expiry(m)}
                </option>
              ))}
            </select>
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={allowCoupons} onChange={(e) => setAllowCoupons(e.target.checked)} /> {text.allowCoupons}
          </label>
          <FormProblem message={create.isError && !isApiError(create.error) ? String(create.error) : create.isError && Object.keys(errors).length === 0 ? create.error.message : null} />
          <div className="row">
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {text.create}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
