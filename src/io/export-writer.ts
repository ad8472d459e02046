// rehab's own export formats, written a chunk at a time: CSV (RFC 4180, header row from
// EXPORT_COLUMNS, formulas neutralised), JSON (one array) and JSONL (one object a line).
import type { ExportSetRow } from '../db/export-repository.js';
import type { Unit } from '../domain/types.js';
import { tidy, toKg } from '../domain/units.js';
import { CSV_RECORD_END, csvTextCell } from './csv.js';
import { EXPORT_COLUMNS, type ExportColumn } from './export-columns.js';

export type ExportFormat = 'csv' | 'json' | 'jsonl';

/** One exported set: the keys of EXPORT_COLUMNS in order; numbers as numbers, null for empty. */
export type ExportRecord = Record<ExportColumn, string | number | null>;

/** Where output goes, a chunk at a time; the promise resolves when it may take more. */
export type ChunkSink = (chunk: string) => Promise<void>;

/** Output is handed over in chunks of about this many characters: few writes, little memory. */
export const CHUNK_CHARACTERS = 64 * 1024;

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
 * Makes the function that writes a stored set as one CSV record with its line end: the cells of
 * `exportRecord`, in EXPORT_COLUMNS order, text neutralised and numbers written as numbers (as
 * csvCell writes them; null is empty). It runs for every set of an export, so it builds the record
 * straight from the row, and keeps the cells that repeat from one set to the next (date, exercise,
 * the load and its unit, type and kg, source) instead of making them again.
 */
export function csvRecordWriter(): (row: ExportSetRow) => string {
  const dateCell = repeatingTextCell();
  const exerciseCell = repeatingTextCell();
  const sourceCell = repeatingTextCell();
  let load = Number.NaN;
  let unit: Unit | undefined;
  let loadKind: string | undefined;
  let loadCells = '';
  return (row) => {
    const [uid, date, exercise, session, setNumber, reps, seconds, rowLoad, rowUnit, rowLoadKind, rpe, pain, note, source] = row;
    if (rowLoad !== load || rowUnit !== unit || rowLoadKind !== loadKind) {
      load = rowLoad;
      unit = rowUnit;
      loadKind = rowLoadKind;
      loadCells = `${load},${csvTextCell(unit)},${csvTextCell(loadKind)},${tidy(toKg(load, unit))}`;
    }
    return (
      `${csvTextCell(uid)},${dateCell(date)},${exerciseCell(exercise)},${session},${setNumber},${reps ?? ''},${seconds ?? ''},` +
      `${loadCells},${rpe ?? ''},${pain ?? ''},${csvTextCell(note)},${sourceCell(source)}${CSV_RECORD_END}`
    );
  };
}

/** csvTextCell that remembers the last text and its cell. */
function repeatingTextCell(): (text: string) => string {
  let last: string | undefined;
  let cell = '';
  return (text) => {
    if (text !== last) {
      last = text;
      cell = csvTextCell(text);
    }
    return cell;
  };
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
  const record = recordWriter(format);
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

/** The function that writes one set's text in `format`, given how many sets came before it. */
function recordWriter(format: ExportFormat): (row: ExportSetRow, before: number) => string {
  switch (format) {
    case 'csv':
      return csvRecordWriter();
    case 'jsonl':
      return (row) => `${JSON.stringify(exportRecord(row))}\n`;
    case 'json':
      return (row, before) => `${before === 0 ? '\n' : ',\n'}${JSON.stringify(exportRecord(row))}`;
  }
}
