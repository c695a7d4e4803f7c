import { useCallback, useState } from 'react';
import type { Processed } from './advance';

/** One advance made from this tab. */
export interface AdvanceEntry {
  /** When it was made (real time). */
  madeAt: string;
  from: string;
  to: string;
  processed: Processed;
}

/**
 * This tab's advances, newest first, kept in sessionStorage per scope so
 * that leaving the page and coming back keeps the list. They are a record
 * of what this person did, not a copy of server state.
 */
function read(key: string): AdvanceEntry[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as AdvanceEntry[]) : [];
  } catch {
    return [];
  }
}

export function useSessionLog(scope: string): [AdvanceEntry[], (entry: AdvanceEntry) => void] {
  const key = `azotte.testClock.advances.${scope}`;
  const [entries, setEntries] = useState(() => read(key));
  const add = useCallback(
    (entry: AdvanceEntry) => {
      setEntries((current) => {
        const next = [entry, ...current].slice(0, 50);
        try {
          sessionStorage.setItem(key, JSON.stringify(next));
        } catch {
          // Storage refused: the list lasts while the page is open.
        }
        return next;
      });
    },
    [key],
  );
  return [entries, add];
}
