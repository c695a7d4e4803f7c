import { useCallback, useState } from 'react';

/**
 * Whether this browser dismissed Getting started for the tenant. Kept in
 * localStorage (a preference, not a credential); storage that refuses keeps
 * the choice until reload.
 */
const keyOf = (tenantId: string | null | undefined) => `azotte.gettingStarted.dismissed.${tenantId ?? 'none'}`;

function read(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

export function useDismissal(tenantId: string | null | undefined): [boolean, () => void] {
  const key = keyOf(tenantId);
  const [dismissed, setDismissed] = useState(() => read(key));
  const dismiss = useCallback(() => {
    setDismissed(true);
    try {
      localStorage.setItem(key, '1');
    } catch {
      // Private mode: dismissed until reload.
    }
  }, [key]);
  return [dismissed, dismiss];
}
