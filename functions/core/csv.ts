/**
 * CSV files people open in a spreadsheet: every export of the platform (users now, EPSA
 * training hours later) goes through here.
 *
 * - UTF-8 with a byte-order mark, so Excel reads Malay names (and any accent) correctly
 *   instead of guessing a Windows code page;
 * - CRLF line ends (RFC 4180), what Excel writes itself;
 * - formula injection neutralised (OWASP "CSV Injection"): a cell that begins with `=`, `+`,
 *   `-`, `@`, a tab or a carriage return would be evaluated as a formula by a spreadsheet, so
 *   it is prefixed with `'`, which spreadsheets show as text. A negative number loses nothing
 *   a reader needs: numbers are written as numbers only when they are not negative.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** UTF-8 byte-order mark: tells Excel the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

/** A cell as text, safe to open in a spreadsheet. */
export function neutralise(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV document: the header row, then the rows, with the BOM and CRLF line ends. Columns
 * are given once, each with its header text and how to read a row's value.
 */
export function toCsv<Row>(columns: readonly { header: string; value: (row: Row) => CsvCell }[], rows: Iterable<Row>): string {
  const records: string[][] = [columns.map((c) => neutralise(c.header))];
  for (const row of rows) records.push(columns.map((c) => neutralise(c.value(row))));
  return UTF8_BOM + stringify(records, { record_delimiter: '\r\n', eof: true, quoted_match: /[\r\n]/ });
}

/** A Content-Disposition value for a download, ASCII name plus the RFC 6266 UTF-8 form. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\w.-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
