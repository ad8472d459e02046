// CSV cells as RFC 4180 writes them, and the formula neutralisation spreadsheets need (OWASP
// "CSV Injection"). A small writer of our own: measured against csv-stringify 6.9.0 on a
// 1,000,000-set export it was several times faster (see the README's export section), and the
// rules below are all there is to it.

/** RFC 4180 ends every record with CRLF, inside quoted cells line breaks are kept as they are. */
export const CSV_RECORD_END = '\r\n';

/** The first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would run as a formula (`=SUM(…)`, `+1`, `-2+3`, `@x`, or a leading
 * tab or carriage return) gets a leading `'`, which spreadsheets read as "this is text".
 *
 * Text that already starts with quotes before such a character (`'=x`) gets one more quote too,
 * so the rule can be undone exactly: {@link restoreFormulaText} removes one `'` from any cell
 * that matches /^'+[=+\-@\t\r]/, and nothing else.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of {@link neutraliseFormula}, for importers of rehab's own CSV. */
export function restoreFormulaText(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * One cell as RFC 4180 writes it: quoted (inner quotes doubled) when it holds a comma, a quote or
 * a line break, or starts or ends with white space (which some spreadsheets would trim); as is
 * otherwise. `null` is an empty cell.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A text cell: neutralised, then quoted as needed. */
export function csvTextCell(value: string | null): string {
  return value === null ? '' : csvCell(neutraliseFormula(value));
}
