import type BetterSqlite3 from 'better-sqlite3';
import type { Unit } from '../domain/types.js';

/** Which sets `rehab export` writes; every field is optional. */
export interface ExportFilter {
  exerciseId?: number;
  /** Inclusive, YYYY-MM-DD. */
  since?: string;
  /** Inclusive, YYYY-MM-DD. */
  until?: string;
}

/**
 * One stored set as the export reads it, a plain array in this order (raw rows are the fastest
 * way out of better-sqlite3): uid, date, exercise name, session, set number, reps, seconds,
 * load value as logged, unit, load kind, RPE, pain, note, source.
 */
export type ExportSetRow = [
  uid: string,
  date: string,
  exercise: string,
  session: number,
  setNumber: number,
  reps: number | null,
  seconds: number | null,
  load: number,
  unit: Unit,
  loadKind: 'external' | 'bodyweight',
  rpe: number | null,
  pain: number | null,
  note: string | null,
  source: string,
];

/**
 * The export's query for a filter. Built from fixed fragments only (`x IS NULL OR …` would keep
 * SQLite from using the indexes). Order: date, exercise name (case-insensitive, as names are
 * unique), session, set number, then the uid so that equal places still sort the same way after
 * an export → import. Every sort key survives a re-import, the short ids and exercise ids do not.
 * Walking `sets_by_date` (or `sets_by_exercise_date` for one exercise) means SQLite only sorts
 * the sets of one date at a time: the first row comes at once and memory stays flat.
 */
export function exportSql(filter: ExportFilter): string {
  const conditions: string[] = [];
  if (filter.exerciseId !== undefined) conditions.push('s.exercise_id = @exerciseId');
  if (filter.since !== undefined) conditions.push('s.date >= @since');
  if (filter.until !== undefined) conditions.push('s.date <= @until');
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  // CROSS JOIN keeps sets the outer loop, so the index order carries through.
  return `SELECT s.uid, s.date, e.name, s.session, s.set_number, s.reps, s.seconds, s.load_value, s.load_unit, s.load_kind, s.rpe, s.pain, s.note, s.source
  FROM sets s CROSS JOIN exercises e ON e.id = s.exercise_id
  ${where}
 ORDER BY s.date, e.name, s.session, s.set_number, s.uid`;
}

/** The sets of the log, read one at a time for `rehab export`. */
export class ExportRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /**
   * Iterates the sets the filter selects, in export order, without loading them all: a million
   * sets cost no more memory than ten. The connection runs no other statement until the iterator
   * is finished or returned (a `for … of` that breaks or throws returns it).
   */
  rows(filter: ExportFilter = {}): IterableIterator<ExportSetRow> {
    const parameters: Record<string, string | number> = {};
    if (filter.exerciseId !== undefined) parameters.exerciseId = filter.exerciseId;
    if (filter.since !== undefined) parameters.since = filter.since;
    if (filter.until !== undefined) parameters.until = filter.until;
    return this.db.prepare(exportSql(filter)).raw(true).iterate(parameters) as IterableIterator<ExportSetRow>;
  }
}
