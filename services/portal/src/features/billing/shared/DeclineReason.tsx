import { t } from '../../../lib/i18n';

/** A decline in words with its code beside them — never the colour or the code alone. */
export function DeclineReason({ code }: { code: string | null | undefined }) {
  return <span className="bill-decline">{t.billing.decline(code)}</span>;
}
