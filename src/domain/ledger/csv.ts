/**
 * The one CSV writer of the ledger's reports (administration log, receipts, disposals): RFC 4180 cells
 * with CRLF line ends and a guard against formula injection, because these files are opened in
 * spreadsheets and their cells hold what staff and suppliers typed (names, addresses, invoice numbers).
 */

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. A cell
 * that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) gets a
 * leading apostrophe so it stays text; a plain number such as -1.5 is left as it is.
 */
export function csvCell(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header line and the rows, every cell through `csvCell`, CRLF line ends (the last line too). */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
