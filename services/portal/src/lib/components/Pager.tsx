import { useCallback, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
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

export const PAGE_SIZES = [20, 50, 100] as const;

/** Rows per page, kept in the URL (`?limit=`): 20 unless the person chose 50 or 100 (the API's most). */
export function usePageSize(): [number, (size: number) => void] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('limit'));
  const size = (PAGE_SIZES as readonly number[]).includes(asked) ? asked : PAGE_SIZES[0];
  const set = useCallback(
    (next: number) =>
      setParams(
        (p) => {
          const copy = new URLSearchParams(p);
          if (next === PAGE_SIZES[0]) copy.delete('limit');
          else copy.set('limit', String(next));
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [size, set];
}

export interface PagerProps {
  pager: CursorPager;
  nextCursor: string | null | undefined;
  label: string;
  /** With a page size (usePageSize), the pager offers "Rows per page" too; changing it starts again at page 1. */
  pageSize?: [number, (size: number) => void];
}

export function Pager({ pager, nextCursor, label, pageSize }: PagerProps) {
  const id = useId();
  if (!pageSize && pager.page === 1 && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={label}>
      {pageSize ? (
        <span className="pager-size">
          <label htmlFor={id}>{t.common.rowsPerPage}</label>
          <select
            id={id}
            value={pageSize[0]}
            onChange={(e) => {
              pager.reset();
              pageSize[1](Number(e.target.value));
            }}
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </span>
      ) : null}
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
