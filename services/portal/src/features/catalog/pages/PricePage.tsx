import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { toast } from 'sonner';
import { Button, Card, ConfirmDialog, CopyButton, DescriptionList, ErrorNotice, Money, PageHeader, QueryState, StatusBadge, Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useArchivePrice } from '../api/mutations';
import { useBundle, usePrice, useStorefrontOptions, type Price } from '../api/queries';
import { PriceDialog } from '../components/PriceDialog';
import { QuotePreview } from '../components/QuotePreview';
import { TiersTable } from '../components/TiersTable';
import { countryOptions } from '../../../lib/countries';
import { priceSummary } from '../model/format';
import { decimalMinorToInput } from '../model/tiers';
import '../catalog.css';

const text = t.catalog.price;

/** /catalog/prices/:id — every term of a price, what a quantity costs, archive, and a new version. */
export function PricePage() {
  const { id = '' } = useParams();
  const price = usePrice(id);
  return <QueryState query={price}>{(data) => <PriceView key={data.id} price={data} />}</QueryState>;
}

function PriceView({ price }: { price: Price }) {
  const navigate = useNavigate();
  const canWrite = useCan('catalog', 'write');
  const bundle = useBundle(price.bundleId);
  const storefronts = useStorefrontOptions();
  const archive = useArchivePrice(price.id);
  const [confirming, setConfirming] = useState(false);
  const [versioning, setVersioning] = useState(false);
  const bundleArchived = bundle.data?.status === 'archived';
  const archived = price.status === 'archived';

  const onArchive = async () => {
    try {
      await archive.mutateAsync();
      setConfirming(false);
      toast.success(text.archivedToast);
    } catch {
      // Shown in the dialog.
    }
  };

  const money = (amount: number | null) => <Money amount={amount} currency={price.currency} />;
  const names = new Map((storefronts.data?.data ?? []).map((s) => [s.id, s.name]));
  const countryNames = new Map(countryOptions().map((c) => [c.code, c.name]));

  const terms: Array<[string, ReactNode]> = [
    [text.currency, price.currency],
    [text.strategy, t.catalog.strategies[price.strategy].label],
  ];
  if (price.strategy === 'tiered') terms.push([text.tiersMode, price.tiersMode ? t.catalog.tiersModes[price.tiersMode].label : t.common.none]);
  else if (price.amount !== null) terms.push([price.strategy === 'flat' ? text.amountFlat : text.amountPerUnit, money(price.amount)]);
  else if (price.unitAmountDecimal) terms.push([text.amountPerUnit, `${decimalMinorToInput(price.unitAmountDecimal, price.currency)} ${price.currency}`]);
  terms.push(
    [text.period, t.catalog.interval.every(price.interval, price.intervalCount)],
    [text.setupFee, price.setupFee ? money(price.setupFee) : text.none],
    [text.trial, price.trialDays > 0 ? t.catalog.prices.trialDays(price.trialDays) : text.noTrial],
    [text.created, <Time value={price.createdAt} />],
  );
  if (price.archivedAt) terms.push([text.archivedAt, <Time value={price.archivedAt} />]);

  const actions =
    canWrite && !bundleArchived ? (
      <>
        <Button variant="primary" onClick={() => setVersioning(true)}>
          {text.newVersion}
        </Button>
        {!archived ? (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {text.archive}
          </Button>
        ) : null}
      </>
    ) : null;

  return (
    <>
      <PageHeader
        title={priceSummary(price)}
        breadcrumb={
          <>
            <Link to="/catalog">{t.catalog.bundles.title}</Link>
            <span aria-hidden="true"> / </span>
            <Link to={`/catalog/bundles/${price.bundleId}`}>{bundle.data?.name ?? price.bundleId}</Link>
          </>
        }
        description={
          <span className="cat-header-meta">
            <StatusBadge status={price.status} label={t.catalog.status[price.status]} />
            <code>{price.id}</code>
            <CopyButton text={price.id} label={text.copyId} />
          </span>
        }
        actions={actions}
      />
      <div className="stack">
        <div className="notice notice-info cat-immutable-note">
          <p className="notice-title">{text.immutableTitle}</p>
          <p>{text.immutableBody}</p>
        </div>
        {archived ? <p className="notice notice-warn">{text.archivedNote}</p> : null}
        <div className="cat-columns">
          <div className="stack">
            <Card title={text.terms}>
              <DescriptionList items={terms} />
            </Card>
            {price.strategy === 'tiered' ? (
              <Card title={text.tiers}>
                <p className="muted cat-card-intro">{price.tiersMode ? t.catalog.tiersModes[price.tiersMode].description : null}</p>
                <TiersTable price={price} />
              </Card>
            ) : null}
            <Card title={text.restrictions}>
              <DescriptionList
                items={[
                  [
                    text.storefronts,
                    price.storefrontIds.length === 0 ? (
                      text.allStorefronts
                    ) : (
                      <ul className="cat-plain-list">
                        {price.storefrontIds.map((sid) => (
                          <li key={sid}>
                            <Link to={`/storefronts/${sid}`}>{names.get(sid) ?? sid}</Link>
                          </li>
                        ))}
                      </ul>
                    ),
                  ],
                  [
                    text.countries,
                    price.countries.length === 0
                      ? text.allCountries
                      : price.countries.map((c) => `${countryNames.get(c) ?? c} (${c})`).join(', '),
                  ],
                ]}
              />
            </Card>
          </div>
          <QuotePreview price={price} />
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={text.archiveTitle}
        confirmLabel={text.archive}
        onConfirm={() => void onArchive()}
        busy={archive.isPending}
        danger
      >
        <p>{text.archiveBody}</p>
        {archive.isError ? <ErrorNotice error={archive.error} /> : null}
      </ConfirmDialog>
      <PriceDialog
        open={versioning}
        onClose={() => setVersioning(false)}
        bundleId={price.bundleId}
        replaces={price}
        onCreated={(created) => {
          setVersioning(false);
          navigate(`/catalog/prices/${created.id}`);
        }}
      />
    </>
  );
}
