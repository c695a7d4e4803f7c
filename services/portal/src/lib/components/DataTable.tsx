import { flexRender, tableFeatures, useTable, type ColumnDef as TableColumnDef, type RowData } from '@tanstack/react-table';
import type { ReactNode } from 'react';

// The lists only lay rows out (sorting and paging are the API's): the core rows, no optional feature.
const features = tableFeatures({});

/** A column of a DataTable over rows of type T. */
export type ColumnDef<T extends RowData, V = unknown> = TableColumnDef<typeof features, T, V>;

export interface DataTableProps<T extends RowData> {
  /** The table's accessible name (a <caption>; visually hidden unless `showCaption`). */
  caption: string;
  showCaption?: boolean;
  columns: ColumnDef<T, any>[];
  rows: readonly T[];
  getRowId: (row: T) => string;
  /** Shown instead of the table when there are no rows: say what to do next. */
  empty: ReactNode;
  footer?: ReactNode;
}

/** A list as a real <table> (headers, caption, rows), built with TanStack Table. */
export function DataTable<T extends RowData>({ caption, showCaption, columns, rows, getRowId, empty, footer }: DataTableProps<T>) {
  const table = useTable({ features, data: rows as T[], columns, getRowId });
  if (rows.length === 0) return <>{empty}</>;
  return (
    // A table wider than the page scrolls inside a named, focusable region, so the keyboard can scroll it too.
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className={showCaption ? 'table-caption' : 'sr-only'}>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={(header.column.columnDef.meta as { className?: string } | undefined)?.className}>
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={(cell.column.columnDef.meta as { className?: string } | undefined)?.className}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {footer}
    </div>
  );
}
