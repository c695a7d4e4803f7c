import { toCsv, type CsvColumn } from './csv';

interface Row {
  name: string;
  amount: number;
  note: string | null;
}

const columns: CsvColumn<Row>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'Amount', value: (r) => r.amount },
  { header: 'Note', value: (r) => r.note },
];

it('writes a header and a line per row, CRLF-separated', () => {
  expect(toCsv([{ name: 'Ann', amount: 9.5, note: null }], columns)).toBe('Name,Amount,Note\r\nAnn,9.5,\r\n');
});

it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
  const csv = toCsv([{ name: 'Doe, "J"', amount: 1, note: 'two\nlines' }], columns);
  expect(csv).toBe('Name,Amount,Note\r\n"Doe, ""J""",1,"two\nlines"\r\n');
});

it('defuses text a spreadsheet would run as a formula, but keeps negative numbers numbers', () => {
  const csv = toCsv([{ name: '=HYPERLINK("x")', amount: -5, note: '@SUM(A1)' }], columns);
  expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",-5,'@SUM(A1)`);
});

it('writes only a header for no rows', () => {
  expect(toCsv([], columns)).toBe('Name,Amount,Note\r\n');
});

it('keeps a negative decimal amount written as text a number', () => {
  const text: CsvColumn<{ net: string }>[] = [{ header: 'Net', value: (r) => r.net }];
  expect(toCsv([{ net: '-9.99' }, { net: '-1+1' }], text)).toBe("Net\r\n-9.99\r\n'-1+1\r\n");
});
