import { Controller, type UseFormReturn } from 'react-hook-form';
import { Card } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { PAYMENT_METHODS, type StorefrontFormValues } from '../model/storefront-form';

const text = t.storefronts.paymentMethodsCard;

/** The payment methods the storefront's checkout offers (at least one). */
export function PaymentMethodsCard({ form }: { form: UseFormReturn<StorefrontFormValues> }) {
  return (
    <Card title={text.title}>
      <Controller
        control={form.control}
        name="paymentMethods"
        render={({ field, fieldState }) => (
          <fieldset className={['sf-plain-fieldset', fieldState.error ? 'field-invalid' : ''].join(' ')}>
            <legend className="sr-only">{text.title}</legend>
            <p className="muted sf-card-intro">{text.hint}</p>
            <div className="sf-methods">
              {PAYMENT_METHODS.map((method) => (
                <label key={method} className="sf-method">
                  <input
                    type="checkbox"
                    checked={field.value.includes(method)}
                    onChange={(e) => field.onChange(e.target.checked ? PAYMENT_METHODS.filter((m) => m === method || field.value.includes(m)) : field.value.filter((m) => m !== method))}
                  />
                  <span>{t.storefronts.paymentMethods[method]}</span>
                </label>
              ))}
            </div>
            {fieldState.error?.message ? (
              <p className="field-error" role="alert">
                {fieldState.error.message}
              </p>
            ) : null}
          </fieldset>
        )}
      />
    </Card>
  );
}
