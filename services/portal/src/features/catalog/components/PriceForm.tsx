import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { useArchivePrice, useCreatePrice } from '../api/mutations';
import type { Price, Storefront } from '../api/queries';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { PRICE_FIELDS, priceFormResolver, toCreatePriceBody, type PriceFormValues } from '../model/price-form';
import { PriceAmountFields } from './PriceAmountFields';
import { PriceRestrictionFields } from './PriceRestrictionFields';

const text = t.catalog.priceForm;

export interface PriceFormProps {
  bundleId: string;
  initial: PriceFormValues;
  storefronts: readonly Storefront[];
  /** The price this one is a new version of: offered to archive once the new one exists. */
  replaces?: Price | undefined;
  onCreated: (price: Price) => void;
  onCancel: () => void;
}

/**
 * A new price of a bundle. Prices are immutable, so this form only ever
 * creates: a "new version" of a price is this form prefilled with its terms.
 */
export function PriceForm({ bundleId, initial, storefronts, replaces, onCreated, onCancel }: PriceFormProps) {
  const form = useForm<PriceFormValues>({ defaultValues: initial, resolver: priceFormResolver });
  const create = useCreatePrice(bundleId);
  const archiveOld = useArchivePrice(replaces?.id ?? '');
  const idempotency = useIdempotencyKey();
  const [problem, setProblem] = useState<string | undefined>();
  const [archiveReplaced, setArchiveReplaced] = useState(false);
  const preferred = [...new Set(storefronts.filter((s) => s.status === 'active').flatMap((s) => s.regional.currencies))].sort();

  const submit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    const body = toCreatePriceBody(values);
    let price: Price;
    try {
      price = await create.mutateAsync({ body, key: idempotency.keyFor(body) });
    } catch (error) {
      setProblem(applyApiErrors(error, form.setError, PRICE_FIELDS));
      return;
    }
    idempotency.done();
    if (replaces && archiveReplaced) {
      try {
        await archiveOld.mutateAsync();
      } catch (error) {
        // The new price exists either way: say that the old one is still on sale.
        toast.error(text.archiveOldFailed(error instanceof Error ? error.message : String(error)));
      }
    }
    toast.success(text.created);
    onCreated(price);
  });

  return (
    <form className="form cat-price-form" onSubmit={(e) => void submit(e)} noValidate>
      <FormProblem message={problem} />
      <PriceAmountFields form={form} preferredCurrencies={preferred} />
      <PriceRestrictionFields form={form} storefronts={storefronts} />
      {replaces && replaces.status === 'active' ? (
        <label className="checkbox">
          <input type="checkbox" checked={archiveReplaced} onChange={(e) => setArchiveReplaced(e.target.checked)} />
          <span>{text.archiveReplaced}</span>
        </label>
      ) : null}
      <div className="form-actions">
        <Button onClick={onCancel}>{t.common.cancel}</Button>
        <Button type="submit" variant="primary" busy={form.formState.isSubmitting} busyLabel={t.common.saving}>
          {replaces ? text.submitVersion : text.submit}
        </Button>
      </div>
    </form>
  );
}
