import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; error: unknown };

/**
 * One GET of a page, loaded on mount and again on `reload()` (after an
 * action). A reload keeps the data on screen until the new answer replaces it.
 * The hosted pages are one screen each, so this is enough of a cache.
 */
export function useResource<T>(load: () => Promise<T>): Resource<T> & { reload: () => Promise<void> } {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const attempt = ++latest.current;
    try {
      const data = await load();
      if (attempt === latest.current) setResource({ state: 'ready', data });
    } catch (error) {
      if (attempt === latest.current) setResource({ state: 'failed', error });
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...resource, reload };
}
