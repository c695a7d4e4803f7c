/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF, fields with commas,
 * quotes or line breaks quoted, quotes doubled), with a UTF-8 byte-order mark
 * so that spreadsheet programs read accents right. A text cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with
 * an apostrophe (OWASP's CSV-injection advice); numbers, and decimal amounts
 * written as text (`-9.99`), stay numbers.
 */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

const FORMULA = /^[=+\-@\t\r]/;
// A decimal amount (csvAmount's `-9.99`) is a number to a spreadsheet, not a formula.
const DECIMAL = /^-?\d+(\.\d+)?$/;

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA.test(value) && !DECIMAL.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Offers the text as a file download named `filename`. */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Minor units as a decimal string for a CSV cell (`999` EUR → `9.99`): exact, never a float. */
export { minorToInput as csvAmount } from './money';
