import { scopeKey } from '../../../lib/api';
import { useScope } from '../../../lib/scope';

/**
 * The first part of every query key of this section. Reading the scope
 * through its context makes a component re-render (with the new key) when
 * the tab's environment or tenant changes.
 */
export function useScopeKey() {
  const { environment, tenantId } = useScope();
  return scopeKey({ environment, tenantId });
}
