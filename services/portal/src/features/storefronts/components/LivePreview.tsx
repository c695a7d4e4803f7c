import { useId, useState, type CSSProperties } from 'react';
import { formatMoney } from '../../../lib/money';
import { t } from '../../../lib/i18n';
import { useDebounced } from '../../../lib/use-debounced';
import { AA_TEXT, contrastRatio, formatRatio, isHexColor } from '../model/contrast';
import { isLocale } from '../model/regional';
import { DEFAULT_PRIMARY, type StorefrontFormValues } from '../model/storefront-form';

const text = t.storefronts.preview;
/** An example plan price, in minor units of the default currency. */
const SAMPLE_AMOUNT = 1900;

/**
 * The logo is shown when the hosted pages could show it: an https address
 * (the pages' policy takes images from https only), or one of this origin.
 */
function showableLogo(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.origin === window.location.origin ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A miniature checkout in the storefront's colours, theme, logo, locale and
 * currency, following the form as it is typed; with a plain statement of
 * whether white text on the primary colour has enough contrast (WCAG AA).
 */
export function LivePreview({ values }: { values: StorefrontFormValues }) {
  const { branding, regional } = values;
  const color = isHexColor(branding.primaryColor.trim()) ? branding.primaryColor.trim() : undefined;
  const primary = color ?? DEFAULT_PRIMARY;
  // The logo is asked for once typing pauses, not for every partial address.
  const logo = showableLogo(useDebounced(branding.logoUrl, 500));
  const [failedLogo, setFailedLogo] = useState<string | undefined>();
  const currency = regional.defaultCurrency || regional.currencies[0] || 'EUR';
  const locale = isLocale(regional.locale) ? regional.locale.trim() : 'en-US';
  const rate = regional.taxRatePercent.trim();
  const name = values.name.trim() || text.sampleName;
  const ratio = contrastRatio(primary, '#FFFFFF');
  const sufficient = ratio >= AA_TEXT;
  const captionId = useId();

  return (
    <div className="sf-preview-wrap">
      <figure className={`sf-preview sf-preview-${branding.theme}`} style={{ '--sf-primary': primary } as CSSProperties} aria-labelledby={captionId}>
        <figcaption id={captionId} className="sf-preview-caption">
          {text.caption}
        </figcaption>
        <div className="sf-preview-frame">
          <div className="sf-preview-accent" />
          <div className="sf-preview-brand">
            {logo && failedLogo !== logo ? (
              <img className="sf-preview-logo" src={logo} alt="" onError={() => setFailedLogo(logo)} />
            ) : (
              <span className="sf-preview-initial" aria-hidden="true">
                {name.slice(0, 1).toUpperCase()}
              </span>
            )}
            <span className="sf-preview-name">{name}</span>
          </div>
          <div className="sf-preview-plan">
            <span className="sf-preview-plan-name">{text.plan}</span>
            <span className="sf-preview-price">
              {formatMoney(SAMPLE_AMOUNT, currency, locale)} <span className="sf-preview-muted">{text.perMonth}</span>
            </span>
            <span className="sf-preview-muted sf-preview-tax">
              {regional.taxBehavior === 'inclusive' ? text.taxIncluded(rate) : text.taxExcluded(rate)}
            </span>
          </div>
          <div className="sf-preview-input">
            <span className="sf-preview-muted">{text.email}</span>
            <span>{text.sampleEmail}</span>
          </div>
          <div className="sf-preview-methods">
            {values.paymentMethods.map((m) => (
              <span key={m} className="sf-preview-method">
                {t.storefronts.paymentMethods[m]}
              </span>
            ))}
          </div>
          <div className="sf-preview-button">
            {text.subscribe}
          </div>
          <p className="sf-preview-muted sf-preview-foot">{text.foot(regional.timezone)}</p>
        </div>
      </figure>
      <p className="sf-contrast" aria-live="polite">
        <span className={`badge ${sufficient ? 'badge-good' : 'badge-warn'}`}>{sufficient ? text.sufficient : text.insufficient}</span>{' '}
        {color ? text.contrast(primary, formatRatio(ratio), sufficient) : text.contrastDefault(primary, formatRatio(ratio))}
      </p>
    </div>
  );
}
