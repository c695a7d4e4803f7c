import type { RefObject } from 'react';
import { Field } from '../../lib/components/Field';
import { useLocalized } from '../i18n';
import type { CardValues, FieldErrors } from './card';

/**
 * The card's four fields, named as the API names them (`card.number`, …) so
 * that its `errors[]` land beside the right one. Autocomplete hints let the
 * browser fill a saved card.
 */
export function CardFields({ value, onChange, errors, numberRef }: {
  value: CardValues;
  onChange: (value: CardValues) => void;
  errors: FieldErrors;
  numberRef?: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useLocalized();
  const set = (key: keyof CardValues) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <div className="hosted-card-fields">
      <Field label={t.card.number} error={errors['card.number']} className="hosted-card-number">
        <input ref={numberRef} name="card.number" inputMode="numeric" autoComplete="cc-number" value={value.number} onChange={set('number')} />
      </Field>
      <Field label={t.card.expMonth} error={errors['card.expMonth']}>
        <input name="card.expMonth" inputMode="numeric" autoComplete="cc-exp-month" placeholder="MM" maxLength={2} value={value.expMonth} onChange={set('expMonth')} />
      </Field>
      <Field label={t.card.expYear} error={errors['card.expYear']}>
        <input name="card.expYear" inputMode="numeric" autoComplete="cc-exp-year" placeholder="YYYY" maxLength={4} value={value.expYear} onChange={set('expYear')} />
      </Field>
      <Field label={t.card.cvc} error={errors['card.cvc']}>
        <input name="card.cvc" inputMode="numeric" autoComplete="cc-csc" maxLength={4} value={value.cvc} onChange={set('cvc')} />
      </Field>
    </div>
  );
}
