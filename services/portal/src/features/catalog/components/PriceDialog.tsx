import { Dialog, QueryState } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useStorefrontOptions, type Price } from '../api/queries';
import { emptyPriceForm, priceToFormValues } from '../model/price-form';
import { PriceForm } from './PriceForm';

/**
 * "Add price" and "New version of this price": the price form in a dialog.
 * It opens once the environment's storefronts are known, as they give the
 * default currency and the storefront restriction's choices.
 */
export function PriceDialog({
  open,
  onClose,
  bundleId,
  replaces,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  bundleId: string;
  replaces?: Price | undefined;
  onCreated: (price: Price) => void;
}) {
  const storefronts = useStorefrontOptions();
  return (
    <Dialog open={open} onClose={onClose} size="wide" title={replaces ? t.catalog.priceForm.versionTitle : t.catalog.priceForm.title}>
      {replaces ? <p className="notice notice-info">{t.catalog.priceForm.versionNote}</p> : null}
      <QueryState query={storefronts}>
        {({ data }) => {
          const active = data.filter((s) => s.status === 'active');
          const currency = active[0]?.regional.defaultCurrency ?? 'EUR';
          return (
            <PriceForm
              bundleId={bundleId}
              initial={replaces ? priceToFormValues(replaces) : emptyPriceForm(currency)}
              storefronts={data}
              replaces={replaces}
              onCreated={onCreated}
              onCancel={onClose}
            />
          );
        }}
      </QueryState>
    </Dialog>
  );
}
