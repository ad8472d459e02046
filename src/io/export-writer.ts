// rehab's own export formats, written a chunk at a time: CSV (RFC 4180, header row from
// EXPORT_COLUMNS, formulas neutralised), JSON (one array) and JSONL (one object a line).
import type { ExportSetRow } from '../db/export-repository.js';
import { tidy, toKg } from '../domain/units.js';
import { CSV_RECORD_END, csvTextCell } from './csv.js';
import { EXPORT_COLUMNS, type ExportColumn } from './export-columns.js';

export type ExportFormat = 'csv' | 'json' | 'jsonl';

/** One exported set: the keys of EXPORT_COLUMNS in order; numbers as numbers, null for empty. */
export type ExportRecord = Record<ExportColumn, string | number | null>;

/** Where output goes, a chunk at a time; the promise resolves when it may take more. */
export type ChunkSink = (chunk: string) => Promise<void>;

/** Output is handed over in chunks of about this many characters: few writes, little memory. */
const CHUNK_CHARACTERS = 64 * 1024;

/** The UTF-8 byte order mark, which Excel needs to read a CSV file as UTF-8. */
export const BOM = '\uFEFF';

/** A stored set as an export record; `load_kg` is the logged load in kg, to 3 decimals. */
export function exportRecord(row: ExportSetRow): ExportRecord {
  const [uid, date, exercise, session, setNumber, reps, seconds, load, unit, loadKind, rpe, pain, note, source] = row;
  return {
    id: uid,
    date,
    exercise,
    session,
    set: setNumber,
    reps,
    seconds,
    load,
    unit,
    load_type: loadKind,
    load_kg: tidy(toKg(load, unit)),
    rpe,
    pain,
    // An empty note is no note: CSV cannot tell the two apart, so JSON does not either.
    note: note === '' ? null : note,
    source,
  };
}

/**
 * A stored set as one CSV record with its line end: the cells of `exportRecord`, in EXPORT_COLUMNS
 * order, text neutralised and numbers written as numbers (as csvCell writes them; null is empty).
 * Built straight from the row, without the record, as this runs for every set of an export.
 */
export function csvRecord(row: ExportSetRow): string {
  const [uid, date, exercise, session, setNumber, reps, seconds, load, unit, loadKind, rpe, pain, note, source] = row;
  return (
    `${csvTextCell(uid)},${csvTextCell(date)},${csvTextCell(exercise)},${session},${setNumber},${reps ?? ''},${seconds ?? ''},` +
    `${load},${csvTextCell(unit)},${csvTextCell(loadKind)},${tidy(toKg(load, unit))},${rpe ?? ''},${pain ?? ''},${csvTextCell(note)},${csvTextCell(source)}${CSV_RECORD_END}`
  );
}

/**
 * Writes the sets, a page of rows at a time, in `format` to `sink`, awaiting it after every chunk
 * so a slow reader (a pipe, a disk) holds the export back instead of filling memory. Returns how
 * many sets were written.
 *
 * CSV: the header row, then one record per set, each ending in CRLF; `bom` puts a UTF-8 byte
 * order mark first. JSON: `[`, one object per line separated by commas, `]` (an empty export is
 * `[]`). JSONL: one object per line, nothing for an empty export.
 */
export async function writeExport(
  pages: Iterable<readonly ExportSetRow[]>,
  format: ExportFormat,
  sink: ChunkSink,
  options: { bom?: boolean } = {},
): Promise<number> {
  let buffer = options.bom ? BOM : '';
  if (format === 'csv') buffer += EXPORT_COLUMNS.join(',') + CSV_RECORD_END;
  if (format === 'json') buffer += '[';
  const record = RECORD_WRITERS[format];
  let count = 0;
  for (const page of pages) {
    for (const row of page) {
      buffer += record(row, count);
      count += 1;
      if (buffer.length >= CHUNK_CHARACTERS) {
        await sink(buffer);
        buffer = '';
      }
    }
  }
  if (format === 'json') buffer += count === 0 ? ']\n' : '\n]\n';
  if (buffer !== '') await sink(buffer);
  return count;
}

/** One set's text in each format, given how many came before it. */
const RECORD_WRITERS: Record<ExportFormat, (row: ExportSetRow, before: number) => string> = {
  csv: csvRecord,
  jsonl: (row) => `${JSON.stringify(exportRecord(row))}\n`,
  json: (row, before) => `${before === 0 ? '\n' : ',\n'}${JSON.stringify(exportRecord(row))}`,
};
