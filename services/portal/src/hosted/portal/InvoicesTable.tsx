import type { InvoiceSummary } from '../api/client';
import { useLocalized } from '../i18n';
import { invoicePath, PageLink } from '../navigation';

/** The table "Invoices": date, total, status, and a "View" link to the printable invoice. */
export function InvoicesTable({ invoices, secret }: { invoices: InvoiceSummary[]; secret: string }) {
  const l = useLocalized();
  const { t } = l;
  return (
    <section aria-labelledby="hosted-invoices-title" className="hosted-section">
      <h2 id="hosted-invoices-title">{t.portal.invoices}</h2>
      {invoices.length === 0 ? (
        <p className="hosted-muted">{t.portal.noInvoices}</p>
      ) : (
        <div className="hosted-table-wrap">
          <table className="hosted-table" aria-labelledby="hosted-invoices-title">
            <thead>
              <tr>
                <th scope="col">{t.portal.date}</th>
                <th scope="col" className="hosted-num">
                  {t.portal.total}
                </th>
                <th scope="col">{t.portal.statusLabel}</th>
                <th scope="col">
                  <span className="hosted-sr-only">{t.portal.view}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((invoice) => (
                <tr key={invoice.id}>
                  <td id={`hosted-invoice-${invoice.id}`}>{l.date(invoice.createdAt)}</td>
                  <td className="hosted-num">{l.money(invoice.total, invoice.currency)}</td>
                  <td>{t.portal.invoiceStatus[invoice.status] ?? invoice.status}</td>
                  <td>
                    {/* Every link says "View"; the row's date tells them apart for a screen reader. */}
                    <PageLink to={invoicePath(secret, invoice.id)} aria-describedby={`hosted-invoice-${invoice.id}`}>
                      {t.portal.view}
                    </PageLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
