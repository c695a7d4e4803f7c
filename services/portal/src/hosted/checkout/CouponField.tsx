import { useId } from 'react';
import { isHostedApiError } from '../api/errors';
import { problemText } from '../components/pages';
import { useLocalized } from '../i18n';
import type { CouponState } from './useCouponEvaluation';
import { couponText } from './words';

/**
 * "Coupon code", and what the API said of it in a live region: the discount
 * in words, or why it does not apply. A refusal at Subscribe (422 coupon_*)
 * is shown here too, as `error`.
 */
export function CouponField({ value, onChange, state, currency, error }: {
  value: string;
  onChange: (code: string) => void;
  state: CouponState;
  currency: string;
  error?: string | undefined;
}) {
  const l = useLocalized();
  const id = useId();
  const current = value.trim();
  let text = '';
  let tone: 'good' | 'bad' | 'neutral' = 'neutral';
  if (current && state.status === 'checking') text = l.t.checkout.couponChecking;
  if (state.status === 'done' && state.code === current) {
    text = couponText(state.result, currency, l);
    tone = state.result.applies ? 'good' : 'bad';
  }
  if (state.status === 'failed' && state.code === current && !(isHostedApiError(state.error) && state.error.status === 409)) {
    text = problemText(state.error, l.t);
    tone = 'bad';
  }
  if (error) {
    text = error;
    tone = 'bad';
  }
  return (
    <div className={`field hosted-coupon${tone === 'bad' ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{l.t.checkout.coupon}</label>
      <input
        id={id}
        name="couponCode"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={tone === 'bad' || undefined}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} className={`hosted-coupon-status hosted-tone-${tone}`} aria-live="polite" role="status">
        {text}
      </p>
    </div>
  );
}
