import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { currentScope, setEnvironment as storeEnvironment, setTenant as storeTenant, type Scope } from './api';

interface ScopeContext extends Scope {
  setEnvironment(name: string): void;
  /** The platform administrator's choice of tenant to act in; undefined leaves it. */
  setTenant(tenantId: string | undefined): void;
}

const Context = createContext<ScopeContext | undefined>(undefined);

/**
 * The tab's environment and (for the platform administrator) tenant. A change
 * is written to the client's scope before React renders with it, so every
 * query of the new scope is asked with the new headers; their keys start with
 * the scope, so nothing of another environment is ever shown.
 */
export function ScopeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<Scope>({ ...currentScope });
  const setEnvironment = useCallback((name: string) => {
    storeEnvironment(name);
    setScope({ ...currentScope });
  }, []);
  const setTenant = useCallback(
    (tenantId: string | undefined) => {
      storeTenant(tenantId);
      storeEnvironment('production');
      setScope({ ...currentScope });
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );
  const value = useMemo(() => ({ ...scope, setEnvironment, setTenant }), [scope, setEnvironment, setTenant]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useScope(): ScopeContext {
  const value = useContext(Context);
  if (!value) throw new Error('useScope outside ScopeProvider');
  return value;
}
