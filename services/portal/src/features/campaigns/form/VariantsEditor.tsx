import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { Button, Field } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { RemoveButton } from '../targeting/RemoveButton';
import { messageAt } from './errors';
import { OfferEditor } from './OfferEditor';
import { newVariant, type CampaignValues } from './values';

const f = t.campaigns.form;
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** The share of customers a weight gives, shown beside it (weight ÷ sum of weights). */
function useShares(): Array<string | undefined> {
  const variants = useWatch<CampaignValues, 'variants'>({ name: 'variants' });
  const weights = variants.map((v) => (/^\d+$/.test(v.weight.trim()) ? Number(v.weight.trim()) : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 && w > 0 ? percent.format(w / total) : undefined));
}

/** The A/B variants: key, weight and an offer each (the offer editor again). */
export function VariantsEditor() {
  const { register, control, getValues } = useFormContext<CampaignValues>();
  const { errors } = useFormState({ control });
  const { fields, append, remove } = useFieldArray({ control, name: 'variants' });
  const shares = useShares();
  const listError = messageAt(errors, 'variants');
  const add = () => {
    // A new variant starts from the campaign's offer: most A/B tests vary one figure of it.
    const variant = newVariant(fields.length);
    append({ ...variant, offer: { ...getValues('offer') } }, { focusName: `variants.${fields.length}.key` });
  };
  return (
    <div className="stack cmp-variants-editor">
      <p className="muted">{f.variantsIntro}</p>
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {fields.length === 0 ? <p className="cmp-rb-empty muted">{f.noVariants}</p> : null}
      {fields.map((item, i) => (
        <fieldset key={item.id} className="fieldset cmp-variant-box">
          <legend>{f.variantLabel(i + 1)}</legend>
          <div className="cmp-variant-head">
            <Field label={f.variantKey} error={messageAt(errors, `variants.${i}.key`)} hint={f.variantKeyHint}>
              <input type="text" autoComplete="off" spellCheck={false} className="mono" {...register(`variants.${i}.key`)} />
            </Field>
            <Field label={f.weight} error={messageAt(errors, `variants.${i}.weight`)} hint={shares[i] ? f.share(shares[i]) : undefined}>
              <input type="text" inputMode="numeric" autoComplete="off" {...register(`variants.${i}.weight`)} />
            </Field>
            <div className="cmp-variant-remove">
              <RemoveButton label={f.removeVariant} onClick={() => remove(i)} />
            </div>
          </div>
          <OfferEditor prefix={`variants.${i}.offer`} />
        </fieldset>
      ))}
      <div>
        <Button size="small" onClick={add} disabled={fields.length >= 10}>
          <span aria-hidden="true">+</span> {f.addVariant}
        </Button>
      </div>
    </div>
  );
}
