import { useCallback, useState } from 'react';
import { t } from '../i18n';
import { Button } from './Button';

/**
 * Cursor pagination as API.md's lists give it (`nextCursor` only): the pager
 * remembers the cursors it came through, so it can go back as well.
 */
export function useCursorPager() {
  const [stack, setStack] = useState<string[]>([]);
  const cursor = stack.at(-1);
  const next = useCallback((nextCursor: string) => setStack((s) => [...s, nextCursor]), []);
  const previous = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const reset = useCallback(() => setStack([]), []);
  return { cursor, page: stack.length + 1, next, previous, reset };
}

export type CursorPager = ReturnType<typeof useCursorPager>;

export function Pager({ pager, nextCursor, label }: { pager: CursorPager; nextCursor: string | null | undefined; label: string }) {
  if (pager.page === 1 && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={label}>
      <Button size="small" onClick={pager.previous} disabled={pager.page === 1}>
        {t.common.previousPage}
      </Button>
      <span aria-live="polite">{t.common.pageOf(pager.page)}</span>
      <Button size="small" onClick={() => nextCursor && pager.next(nextCursor)} disabled={!nextCursor}>
        {t.common.nextPage}
      </Button>
    </nav>
  );
}
