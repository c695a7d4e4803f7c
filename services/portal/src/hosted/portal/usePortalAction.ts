import { useRef, useState } from 'react';
import { sessionEndOf } from '../api/errors';

/**
 * The actions of one part of the portal page (cancel, keep, change plan, save
 * card): one runs at a time (a double click sends once), and on success the
 * page refetches and announces it (`after`). A session that ended meanwhile
 * (409 session_expired) turns the page into the expired one; any other error
 * is the part's to show.
 */
export function usePortalAction(onSessionEnd: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const inFlight = useRef(false);
  const run = async <T,>(request: () => Promise<T>, after: (result: T) => Promise<void>): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    setError(undefined);
    try {
      await after(await request());
      return true;
    } catch (e) {
      if (sessionEndOf(e)) onSessionEnd();
      else setError(e);
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return { run, busy, error, clearError: () => setError(undefined) };
}
