import type { InvoiceDocument } from '../api/client';
import { useLocalized } from '../i18n';
import { browser, PageLink, portalPath } from '../navigation';

/**
 * The invoice as a document: seller and customer, number and date, the lines
 * with their periods, and the totals. Printed, it is black on white without
 * the page's buttons and links (hosted.css, @media print).
 */
export function InvoiceDocumentView({ document: doc, secret }: { document: InvoiceDocument; secret: string }) {
  const l = useLocalized();
  const { t } = l;
  const { invoice, seller, customer } = doc;
  const money = (minor: number) => l.money(minor, invoice.currency);
  const country = customer.country ? countryName(customer.country, l.locale) : null;
  return (
    <article className="hosted-invoice" aria-labelledby="hosted-invoice-title">
      <div className="hosted-invoice-tools hosted-no-print">
        <PageLink to={portalPath(secret)}>{t.back}</PageLink>
        <button type="button" className="hosted-button hosted-button-primary" onClick={() => browser.print()}>
          {t.invoice.print}
        </button>
      </div>
      <h2 id="hosted-invoice-title">{t.invoice.title(invoice.id)}</h2>
      <div className="hosted-invoice-parties">
        <section aria-labelledby="hosted-invoice-seller">
          <h3 id="hosted-invoice-seller" className="hosted-small-heading">
            {t.invoice.seller}
          </h3>
          <p>{seller.name}</p>
        </section>
        <section aria-labelledby="hosted-invoice-customer">
          <h3 id="hosted-invoice-customer" className="hosted-small-heading">
            {t.invoice.customer}
          </h3>
          {customer.name ? <p>{customer.name}</p> : null}
          {customer.email ? <p>{customer.email}</p> : null}
          {country ? <p>{country}</p> : null}
        </section>
        <dl className="hosted-invoice-facts">
          <div>
            <dt>{t.invoice.number}</dt>
            <dd className="hosted-mono">{invoice.id}</dd>
          </div>
          <div>
            <dt>{t.invoice.date}</dt>
            <dd>{l.date(invoice.createdAt)}</dd>
          </div>
          <div>
            <dt>{t.invoice.status}</dt>
            <dd>{t.portal.invoiceStatus[invoice.status] ?? invoice.status}</dd>
          </div>
        </dl>
      </div>
      <div className="hosted-table-wrap">
        <table className="hosted-table hosted-invoice-lines">
          <caption className="hosted-sr-only">{t.invoice.lines}</caption>
          <thead>
            <tr>
              <th scope="col">{t.invoice.description}</th>
              <th scope="col">{t.invoice.period}</th>
              <th scope="col" className="hosted-num">
                {t.invoice.quantity}
              </th>
              <th scope="col" className="hosted-num">
                {t.invoice.amount}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line, i) => (
              <tr key={i}>
                <td>{line.description}</td>
                <td>{line.periodStart && line.periodEnd ? `${l.date(line.periodStart)} – ${l.date(line.periodEnd)}` : ''}</td>
                <td className="hosted-num">{line.quantity}</td>
                <td className="hosted-num">{money(line.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="hosted-totals">
        <Total label={t.invoice.subtotal} value={money(invoice.subtotal)} />
        <Total label={t.invoice.discount} value={money(invoice.discount === 0 ? 0 : -Math.abs(invoice.discount))} />
        <Total label={t.invoice.tax} value={money(invoice.tax)} />
        <Total label={t.invoice.total} value={money(invoice.total)} strong />
        <Total label={t.invoice.paid} value={money(invoice.amountPaid)} />
        {invoice.amountRefunded > 0 ? <Total label={t.invoice.refunded} value={money(invoice.amountRefunded)} /> : null}
      </dl>
    </article>
  );
}

function Total({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={strong ? 'hosted-total-strong' : undefined}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** `DE` → `Deutschland` in a German storefront (Intl.DisplayNames), the code itself where that is unknown. */
function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
