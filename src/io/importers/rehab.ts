// rehab's own export (CSV, JSON or JSONL; the columns of src/io/export-columns.ts), read back so
// that an export imported into an empty log reproduces it exactly: ids, dates, sessions, set
// numbers, loads as logged, units, notes and sources. `load_kg` is derived, so it is not read.
import type { Load, Unit } from '../../domain/types.js';
import { InternalError } from '../../errors.js';
import { restoreFormulaText } from '../csv.js';
import { EXPORT_COLUMNS, type ExportColumn } from '../export-columns.js';
import type { Columns } from './columns.js';
import { CellError, dateProblem, quote, readName } from './fields.js';
import { Interner } from './interner.js';
import type { ImportedSet, Layout, RowOutcome, RowReader } from './types.js';

/** The columns a rehab file must have; `load_kg` is only for spreadsheets. */
const REQUIRED: readonly ExportColumn[] = EXPORT_COLUMNS.filter((column) => column !== 'load_kg');

/** Whether a header is rehab's: every column of the export, by its exact name. */
export function looksLikeRehab(columns: Columns): boolean {
  return columns.missing(REQUIRED).length === 0;
}

/** The columns a rehab header lacks. */
export function missingRehabColumns(columns: Columns): string[] {
  return columns.missing(REQUIRED);
}

/** A cell of a rehab row: text from a CSV, any JSON value from JSON or JSONL. */
type Value = unknown;

/**
 * Reads rehab rows. `CSV` cells had formula-like text neutralised by the export (a leading `'`),
 * which is undone here; JSON keeps text as it is.
 */
export class RehabRowReader implements RowReader {
  readonly width: number;
  private readonly seen = new Map<string, number>();
  private readonly intern = new Interner();

  constructor(
    readonly layout: Layout,
    private readonly columns?: Columns,
  ) {
    this.width = columns?.header.length ?? 0;
  }

  /** One CSV row: empty cells are null, text cells lose the export's formula guard. */
  readFields(fields: string[], line: number): RowOutcome {
    const columns = this.columns;
    if (!columns) throw new InternalError('RehabRowReader.readFields needs the CSV header.');
    return this.read(line, (column) => {
      const cell = columns.cell(fields, column);
      if (cell === '') return null;
      return TEXT_COLUMNS.has(column) ? restoreFormulaText(cell) : cell;
    });
  }

  /** One JSON object (an item of a JSON array, or a JSONL line). */
  readObject(value: unknown, line: number): RowOutcome {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { kind: 'invalid', problem: { line, reason: 'is not a JSON object with the columns of a rehab export' } };
    }
    const record = value as Record<string, unknown>;
    const missing = REQUIRED.filter((column) => !(column in record));
    if (missing.length > 0) return { kind: 'invalid', problem: { line, reason: `has no ${missing.join(', ')}` } };
    return this.read(line, (column) => record[column] ?? null);
  }

  private read(line: number, get: (column: ExportColumn) => Value): RowOutcome {
    try {
      const set = readRehabSet(line, get, this.intern);
      const earlier = this.seen.get(set.uid);
      if (earlier !== undefined) throw new CellError(`id ${quote(set.uid)} is also on line ${earlier}`);
      this.seen.set(set.uid, line);
      return { kind: 'set', set };
    } catch (error) {
      if (error instanceof CellError) return { kind: 'invalid', problem: { line, reason: error.message } };
      throw error;
    }
  }
}

const TEXT_COLUMNS = new Set<ExportColumn>(['id', 'exercise', 'note', 'source']);

function readRehabSet(line: number, get: (column: ExportColumn) => Value, intern: Interner): ImportedSet {
  const uid = text(get, 'id', { required: true });
  const date = text(get, 'date', { required: true });
  const dateParts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!dateParts) throw new CellError(`date ${quote(date)} is not a date as YYYY-MM-DD`);
  const problem = dateProblem(Number(dateParts[1]), Number(dateParts[2]), Number(dateParts[3]));
  if (problem !== undefined) throw new CellError(`date ${quote(date)} ${problem}`);
  // Any name rehab itself stored comes back, however long.
  const exercise = readName(text(get, 'exercise', { required: true }), 'exercise', Infinity);
  const session = required(whole(get, 'session', 1), 'session');
  const setNumber = required(whole(get, 'set', 1), 'set');
  const reps = whole(get, 'reps', 1);
  const seconds = whole(get, 'seconds', 1);
  if ((reps === null) === (seconds === null)) throw new CellError('needs reps or seconds (one of the two)');
  const load = readLoad(get);
  const rpe = decimal(get, 'rpe');
  if (rpe !== null && (rpe < 1 || rpe > 10)) throw new CellError(`rpe ${rpe} is not from 1 to 10`);
  const pain = whole(get, 'pain', 0);
  if (pain !== null && pain > 10) throw new CellError(`pain ${pain} is not from 0 to 10`);
  const note = text(get, 'note');
  const source = text(get, 'source');
  return {
    line,
    uid,
    exerciseName: intern.get(exercise),
    date: intern.get(date),
    workout: intern.get(`session ${session}`),
    session,
    setNumber,
    reps,
    seconds,
    load,
    rpe,
    pain,
    note: note === '' ? null : intern.get(note),
    source: source === '' ? 'import:rehab' : intern.get(source),
  };
}

function readLoad(get: (column: ExportColumn) => Value): Load {
  const value = required(decimal(get, 'load'), 'load');
  const unitText = text(get, 'unit', { required: true });
  if (unitText !== 'kg' && unitText !== 'lb') throw new CellError(`unit ${quote(unitText)} is not kg or lb`);
  const unit: Unit = unitText;
  const kind = text(get, 'load_type', { required: true });
  if (kind === 'external') {
    if (value < 0) throw new CellError(`load ${value} is negative for an external load`);
    return { kind, value, unit };
  }
  if (kind === 'bodyweight') return { kind, added: value, unit };
  throw new CellError(`load_type ${quote(kind)} is not external or bodyweight`);
}

function text(get: (column: ExportColumn) => Value, column: ExportColumn, options: { required?: boolean } = {}): string {
  const value = get(column);
  if (value === null) {
    if (options.required) throw new CellError(`${column} is empty`);
    return '';
  }
  if (typeof value !== 'string') throw new CellError(`${column} ${quote(JSON.stringify(value))} is not text`);
  if (options.required && value.trim() === '') throw new CellError(`${column} is empty`);
  return value;
}

/** A number cell (a JSON number, or text like `22.5`), or null when empty. */
function decimal(get: (column: ExportColumn) => Value, column: ExportColumn): number | null {
  const value = get(column);
  if (value === null) return null;
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new CellError(`${column} ${quote(typeof value === 'string' ? value : JSON.stringify(value))} is not a number`);
  return Object.is(number, -0) ? 0 : number;
}

/** A whole-number cell of at least `min`, or null when empty. */
function whole(get: (column: ExportColumn) => Value, column: ExportColumn, min: number): number | null {
  const value = decimal(get, column);
  if (value === null) return null;
  if (!Number.isSafeInteger(value)) throw new CellError(`${column} ${value} is not a whole number`);
  if (value < min) throw new CellError(`${column} ${value} is ${value < 0 ? 'negative' : `below ${min}`}`);
  return value;
}

function required<T>(value: T | null, column: ExportColumn): T {
  if (value === null) throw new CellError(`${column} is empty`);
  return value;
}
