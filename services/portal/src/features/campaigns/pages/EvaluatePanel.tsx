import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { Schema } from '../../../lib/api';
import { Button, Card, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { formatMoney } from '../../../lib/money';
import { t } from '../../../lib/i18n';
import { useEvaluate, type Campaign } from '../api/campaigns';
import { useBundleOptions, useBundlePrices, useStorefrontOptions } from '../api/options';
import { CustomerPicker } from './CustomerPicker';
import { EvaluationResult } from './EvaluationResult';

const e = t.campaigns.evaluate;
const c = t.campaigns.check;

const schema = z.object({
  customerId: z.string().min(1, c.customer),
  bundleId: z.string(),
  priceId: z.string().min(1, c.price),
  storefrontId: z.string(),
  couponCode: z.string().max(100),
});
type Values = z.infer<typeof schema>;
const FIELDS = ['customerId', 'priceId', 'storefrontId', 'couponCode'] as const;

/** A price as a person picks it: "€9.99 / month · price_…". */
function priceLabel(p: Schema<'Price'>): string {
  const every = p.intervalCount === 1 ? p.interval : `${p.intervalCount} ${p.interval}s`;
  const amount = p.amount === null ? p.currency : formatMoney(p.amount, p.currency);
  return `${amount} / ${every} · ${p.id}`;
}

/**
 * "Who would get what": POST /campaigns/evaluate for a customer, a price and
 * optionally a storefront and a coupon code, showing each offer that would
 * apply (from this or any other running campaign) with its variant.
 */
export function EvaluatePanel({ campaign }: { campaign: Campaign }) {
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { customerId: '', bundleId: '', priceId: '', storefrontId: '', couponCode: campaign.codes[0]?.code ?? '' },
  });
  const { register, control, formState, setValue } = form;
  const bundleId = useWatch({ control, name: 'bundleId' });
  const bundles = useBundleOptions();
  const prices = useBundlePrices(bundleId);
  const storefronts = useStorefrontOptions();
  const evaluate = useEvaluate();
  const [problem, setProblem] = useState<string>();

  const submit = form.handleSubmit(async (v) => {
    setProblem(undefined);
    try {
      await evaluate.mutateAsync({
        customerId: v.customerId,
        priceId: v.priceId,
        ...(v.storefrontId ? { storefrontId: v.storefrontId } : {}),
        ...(v.couponCode.trim() ? { couponCode: v.couponCode.trim() } : {}),
      });
    } catch (error) {
      setProblem(applyApiErrors(error, form.setError, FIELDS));
    }
  });

  const priceList = prices.data?.data ?? [];
  return (
    <Card title={e.title} className="cmp-evaluate-card">
      <form className="form" onSubmit={(ev) => void submit(ev)} noValidate>
        <p className="muted">{e.intro}</p>
        <FormProblem message={problem} />
        <Controller
          control={control}
          name="customerId"
          render={({ field, fieldState }) => <CustomerPicker onChange={field.onChange} error={fieldState.error?.message} />}
        />
        <Field label={e.bundle}>
          <select
            {...register('bundleId', {
              onChange: () => setValue('priceId', ''),
            })}
          >
            <option value="">{e.chooseBundle}</option>
            {(bundles.data ?? []).map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={e.price}
          error={formState.errors.priceId?.message}
          hint={!bundleId ? e.chooseBundleFirst : prices.isSuccess && priceList.length === 0 ? e.noPrices : undefined}
        >
          <select {...register('priceId')} disabled={!bundleId}>
            <option value="">{e.choosePrice}</option>
            {priceList.map((p) => (
              <option key={p.id} value={p.id}>
                {priceLabel(p)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={`${e.storefront} ${t.common.optional}`} error={formState.errors.storefrontId?.message}>
          <select {...register('storefrontId')}>
            <option value="">{e.storefrontDefault}</option>
            {(storefronts.data ?? []).map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={`${e.couponCode} ${t.common.optional}`}
          error={formState.errors.couponCode?.message}
          hint={campaign.codes.length > 0 ? e.couponHint(campaign.codes.map((code) => code.code).join(', ')) : undefined}
        >
          <input type="text" autoComplete="off" spellCheck={false} className="mono" {...register('couponCode')} />
        </Field>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={formState.isSubmitting} busyLabel={e.submitting}>
            {e.submit}
          </Button>
        </div>
      </form>
      {evaluate.data ? <EvaluationResult result={evaluate.data} campaignId={campaign.id} /> : null}
    </Card>
  );
}
