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
  if (value === null) return '';
  return isPlainText(value) ? value : csvCell(neutraliseFormula(value));
}

/**
 * Whether text is written as it is, decided more cheaply than by the rules above (an export asks
 * for several cells of each of a million sets): it starts with a printable ASCII character that is
 * no quote and cannot start a formula, ends with a printable ASCII character, and holds no quote,
 * comma or line break. Other text takes the full rules.
 */
function isPlainText(text: string): boolean {
  const last = text.length - 1;
  if (last < 0) return true;
  const first = text.charCodeAt(0);
  return isPrintableAscii(first) && !mayStartFormula(first) && isPrintableAscii(text.charCodeAt(last)) && !QUOTED_CHARACTER.test(text);
}

const QUOTED_CHARACTER = /[",\r\n]/;

/** Printable ASCII, space excluded: not white space, which would need quoting at either end. */
function isPrintableAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/** `'`, `=`, `+`, `-`, `@`: a printable start that FORMULA_START could match (with tab and CR). */
function mayStartFormula(code: number): boolean {
  return code === 0x27 || code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40;
}
