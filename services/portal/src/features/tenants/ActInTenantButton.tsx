import { useNavigate } from 'react-router';
import { Button } from '../../lib/components';
import { t } from '../../lib/i18n';
import { useScope } from '../../lib/scope';

/**
 * "Act in this tenant": the tab's scope moves to the tenant (its production
 * environment) and the dashboard opens; the shell shows "Acting in <name>"
 * with the way back.
 */
export function ActInTenantButton({ id, name, compact }: { id: string; name: string; compact?: boolean }) {
  const scope = useScope();
  const navigate = useNavigate();
  const act = () => {
    scope.setTenant(id);
    navigate('/');
  };
  return (
    <Button size={compact ? 'small' : 'normal'} variant={compact ? 'secondary' : 'primary'} onClick={act} aria-label={compact ? t.tenants.actInNamed(name) : undefined}>
      {compact ? t.tenants.actInShort : t.tenants.actIn}
    </Button>
  );
}
