import type { ReactNode } from 'react';
import './stacked-table.css';

/**
 * A list table that becomes a stack of cards on a phone, instead of a table
 * scrolled sideways: the header row is kept for assistive technology (hidden
 * from view only) and each cell shows its column's name beside its value.
 */
export function StackedTable({ children }: { children: ReactNode }) {
  return <div className="stacked-table">{children}</div>;
}

/** A cell's column name, seen only on a phone (assistive technology has the real header). */
export function PhoneLabel({ children }: { children: ReactNode }) {
  return (
    <span className="phone-label" aria-hidden="true">
      {children}
    </span>
  );
}

/** A cell's content under its phone label. */
export function Labelled({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <>
      <PhoneLabel>{label}</PhoneLabel>
      <span className="phone-value">{children}</span>
    </>
  );
}
