import type { ReactNode } from 'react';

/**
 * The frame of a report's table. It may scroll (a long or wide table on a
 * phone), so it can be focused and scrolled from the keyboard, and is named
 * as its table is.
 */
export function TableScroll({ label, tall, children }: { label: string; tall?: boolean; children: ReactNode }) {
  return (
    <div className={['table-wrap', tall ? 'table-scroll' : ''].join(' ').trim()} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
