import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { AuditEntries } from './AuditEntries';
import { AuditFilterForm } from './AuditFilterForm';
import { auditQuery, EMPTY_FILTERS, filtersFromSearch, filtersToSearch, hasFilters, type AuditFilters } from './filters';

const copy = t.settings.audit;

/** /settings/audit-log: who did what, when, to which object, filtered by the URL's parameters. */
export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const environments = useMe().data?.environments ?? [];
  const filters = filtersFromSearch(params);
  const search = new URLSearchParams(filtersToSearch(filters)).toString();
  const apply = (next: AuditFilters) => setParams(filtersToSearch(next));
  const filterBy = (action: string) => `?${new URLSearchParams(filtersToSearch({ ...filters, action })).toString()}`;
  return (
    <>
      <PageHeader title={copy.title} description={copy.description} />
      <div className="stack">
        {/* Keyed by the filters: the form shows what the URL says, the list starts at its first page. */}
        <AuditFilterForm key={`form:${search}`} filters={filters} environments={environments} onApply={apply} />
        <AuditEntries key={`list:${search}`} query={auditQuery(filters)} filtered={hasFilters(filters)} onClear={() => apply(EMPTY_FILTERS)} filterBy={filterBy} />
      </div>
    </>
  );
}
