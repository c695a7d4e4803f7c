import type { ReactNode } from 'react';

/**
 * A table that may be wider than its card (a phone, a narrow column): the
 * wrapper that scrolls it is a named, focusable region, so that it can be
 * scrolled from the keyboard too.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
