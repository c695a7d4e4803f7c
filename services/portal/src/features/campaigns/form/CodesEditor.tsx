import { useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import { Button, Field } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { RemoveButton } from '../targeting/RemoveButton';
import { messageAt } from './errors';
import type { CampaignValues } from './values';

const f = t.campaigns.form;

/** The coupon codes, each with its own optional limit; a code already redeemed says how often. */
export function CodesEditor() {
  const { register, control } = useFormContext<CampaignValues>();
  const { errors } = useFormState({ control });
  const { fields, append, remove } = useFieldArray({ control, name: 'codes' });
  const listError = messageAt(errors, 'codes');
  return (
    <div className="stack cmp-codes-editor">
      <p className="muted">{f.codesIntro}</p>
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {fields.length === 0 ? <p className="cmp-rb-empty muted">{f.noCodes}</p> : null}
      {fields.map((item, i) => (
        <div key={item.id} role="group" aria-label={f.codeLabel(i + 1)} className="cmp-code-row">
          <Field label={f.code} error={messageAt(errors, `codes.${i}.code`)} className="cmp-code-field">
            <input type="text" autoComplete="off" spellCheck={false} placeholder="SPRING25" className="mono" {...register(`codes.${i}.code`)} />
          </Field>
          <Field label={f.codeMax} error={messageAt(errors, `codes.${i}.maxRedemptions`)} hint={f.codeMaxHint}>
            <input type="text" inputMode="numeric" autoComplete="off" {...register(`codes.${i}.maxRedemptions`)} />
          </Field>
          <div className="cmp-code-meta">
            {item.redemptions ? <span className="badge badge-neutral">{f.codeUsed(item.redemptions)}</span> : null}
            <RemoveButton label={f.removeCode} onClick={() => remove(i)} />
          </div>
        </div>
      ))}
      <div>
        <Button size="small" onClick={() => append({ code: '', maxRedemptions: '' })}>
          <span aria-hidden="true">+</span> {f.addCode}
        </Button>
      </div>
    </div>
  );
}
