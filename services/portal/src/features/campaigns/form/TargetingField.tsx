import { Controller, useFormContext, useFormState } from 'react-hook-form';
import { t } from '../../../lib/i18n';
import { useBundleOptions, useStorefrontOptions } from '../api/options';
import { RuleBuilder } from '../targeting/RuleBuilder';
import { messageAt } from './errors';
import type { CampaignValues } from './values';

/** The rule builder as the form's `targeting` field: its problems (browser's and API's) keyed by the API's paths. */
export function TargetingField() {
  const { control } = useFormContext<CampaignValues>();
  const { errors } = useFormState({ control });
  const storefronts = useStorefrontOptions().data;
  const bundles = useBundleOptions().data;
  return (
    <div className="stack">
      <p className="muted">{t.campaigns.form.targetingIntro}</p>
      <Controller
        control={control}
        name="targeting"
        render={({ field }) => (
          <RuleBuilder
            value={field.value}
            onChange={field.onChange}
            errorAt={(path) => messageAt(errors, path)}
            options={{ storefronts: storefronts ?? [], bundles: bundles ?? [] }}
          />
        )}
      />
    </div>
  );
}
