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
 * One stored set as the export reads it, a plain array in this order: uid, date, exercise name,
 * session, set number, reps, seconds, load value as logged, unit, load kind, RPE, pain, note, source.
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
 * About how many sets are read at a time. Enough that a page costs little per set; few enough that
 * a page's text stays well below V8's large-object size (128 KB), as large strings would pile up in
 * memory until a full garbage collection.
 */
const PAGE_SETS = 250;

/**
 * SQLite's page cache while exporting, in KiB (negative, as `PRAGMA cache_size` takes it). The
 * export reads each page of the file about once, walking an index in order, so a small cache serves
 * it as well as better-sqlite3's default of 16 MB, which would fill up and stay for the whole run.
 */
const EXPORT_CACHE_KIB = 512;

/**
 * Loads and RPEs cross from SQLite to JSON as whole numbers of 2^-20. Multiplying by a power of two
 * is exact, so `value * SCALE` is a whole number exactly when the value is a multiple of 2^-20
 * (22.5, 7.25, 55), and JSON carries whole numbers exactly; SQLite writes other numbers in JSON to
 * 15 digits, which would round some of them. A page holding any other value (82.3, 24.948) is read
 * as it is instead.
 */
const SCALE = 1048576;

/** Units and load kinds cross as their index in these lists (numbers parse faster than strings). */
const UNITS = ['kg', 'lb'] as const;
const LOAD_KINDS = ['external', 'bodyweight'] as const;

/**
 * The export's query for the sets the filter selects dated from @from (inclusive) to @to (exclusive;
 * `bounded` false: to the end), in export order. Built from fixed fragments only (`x IS NULL OR …`
 * would keep SQLite from using the indexes). Order: date, exercise name (case-insensitive, as names
 * are unique), session, set number, then the uid so that equal places still sort the same way after
 * an export → import. Every sort key survives a re-import, the short ids and exercise ids do not.
 * Walking `sets_by_date` (or `sets_by_exercise_date` for one exercise) means SQLite only sorts the
 * sets of one date at a time.
 */
export function exportSql(filter: ExportFilter, bounded: boolean): string {
  // CROSS JOIN keeps sets the outer loop, so the index order carries through.
  return `SELECT s.uid, s.date, e.name, s.session, s.set_number, s.reps, s.seconds, s.load_value, s.load_unit, s.load_kind, s.rpe, s.pain, s.note, s.source
  FROM sets s CROSS JOIN exercises e ON e.id = s.exercise_id
 WHERE ${pageConditions(filter, bounded)}
 ORDER BY s.date, e.name, s.session, s.set_number, s.uid`;
}

/**
 * The same sets as one JSON array of rows (the exercise as its id, loads and RPEs times SCALE), and
 * whether a load or RPE is not a multiple of 2^-20. better-sqlite3 builds a row of 14 values about
 * as slowly as SQLite runs the whole query; one text per page costs next to nothing, and JSON.parse
 * builds the rows fast. group_concat keeps the order of the subquery: SQLite honours a subquery's
 * ORDER BY under an aggregate other than count, min and max (the export tests check the order).
 */
export function exportJsonSql(filter: ExportFilter, bounded: boolean): string {
  const scaled = (column: string): string => `CAST(${column} * ${SCALE}.0 AS INTEGER)`;
  const coded = (column: string, words: readonly string[]): string => `CASE ${column} ${words.map((word, code) => `WHEN '${word}' THEN ${code}`).join(' ')} ELSE ${column} END`;
  return `SELECT '[' || group_concat(row, ',') || ']', max(inexact) FROM (
SELECT json_array(s.uid, s.date, s.exercise_id, s.session, s.set_number, s.reps, s.seconds, ${scaled('s.load_value')}, ${coded('s.load_unit', UNITS)}, ${coded('s.load_kind', LOAD_KINDS)}, ${scaled('s.rpe')}, s.pain, s.note, s.source) AS row,
       (s.load_value * ${SCALE}.0 <> ${scaled('s.load_value')} OR s.rpe * ${SCALE}.0 <> ${scaled('s.rpe')}) AS inexact
  FROM sets s CROSS JOIN exercises e ON e.id = s.exercise_id
 WHERE ${pageConditions(filter, bounded)}
 ORDER BY s.date, e.name, s.session, s.set_number, s.uid)`;
}

function pageConditions(filter: ExportFilter, bounded: boolean): string {
  return [...filterConditions(filter), 's.date >= @from', ...(bounded ? ['s.date < @to'] : [])].join(' AND ');
}

function filterConditions(filter: ExportFilter): string[] {
  const conditions: string[] = [];
  if (filter.exerciseId !== undefined) conditions.push('s.exercise_id = @exerciseId');
  if (filter.until !== undefined) conditions.push('s.date <= @until');
  return conditions;
}

type Parameters = Record<string, string | number>;
type PageEnd = 'bounded' | 'open';

/** The sets of the log, read a page at a time for `rehab export`. */
export class ExportRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /**
   * The sets the filter selects, in export order, a page at a time: the sets of a few dates, about
   * PAGE_SETS, so a million sets cost no more memory than a thousand. A date holding more than a
   * page on its own is read one set at a time and handed on in pages too. The pages are read in one
   * read transaction, so the export is one moment of the log even while another rehab writes to it.
   * The connection runs no other statement until the iterator is finished or returned (a `for … of`
   * that breaks or throws returns it). The statements are prepared here, so a failure shows before
   * the first page is asked for.
   */
  pages(filter: ExportFilter = {}): Generator<ExportSetRow[], void, undefined> {
    const where = filterConditions(filter)
      .map((condition) => `${condition} AND `)
      .join('');
    const reader = new PageReader(this.db, {
      pageEnd: this.db.prepare(`SELECT s.date FROM sets s WHERE ${where}s.date >= @from ORDER BY s.date LIMIT 1 OFFSET ${PAGE_SETS}`).pluck(),
      nextDate: this.db.prepare(`SELECT min(s.date) FROM sets s WHERE ${where}s.date > @from`).pluck(),
      json: { bounded: this.db.prepare(exportJsonSql(filter, true)).raw(), open: this.db.prepare(exportJsonSql(filter, false)).raw() },
      rows: { bounded: this.db.prepare(exportSql(filter, true)).raw(), open: this.db.prepare(exportSql(filter, false)).raw() },
      exerciseNames: this.db.prepare('SELECT id, name FROM exercises').raw(),
    });
    const parameters: Parameters = {};
    if (filter.exerciseId !== undefined) parameters.exerciseId = filter.exerciseId;
    if (filter.until !== undefined) parameters.until = filter.until;
    return reader.pages(parameters, filter.since ?? '');
  }
}

interface ExportStatements {
  /** The date of the set a page on from @from, if there is one. */
  pageEnd: BetterSqlite3.Statement;
  /** The first date after @from. */
  nextDate: BetterSqlite3.Statement;
  /** A page as JSON (see exportJsonSql), up to @to or to the end. */
  json: Record<PageEnd, BetterSqlite3.Statement>;
  /** A page as rows, up to @to or to the end. */
  rows: Record<PageEnd, BetterSqlite3.Statement>;
  exerciseNames: BetterSqlite3.Statement;
}

class PageReader {
  private exerciseNames = new Map<number, string>();

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly statements: ExportStatements,
  ) {}

  *pages(filter: Parameters, since: string): Generator<ExportSetRow[], void, undefined> {
    const cacheSize = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = ${-EXPORT_CACHE_KIB}`);
    this.db.exec('BEGIN');
    try {
      this.exerciseNames = new Map(this.statements.exerciseNames.all() as Array<[number, string]>);
      let from = since;
      for (;;) {
        let to = this.statements.pageEnd.get({ ...filter, from }) as string | undefined;
        // The set a page on has the same date: that date alone holds more than a page.
        const oneDate = to === from;
        if (oneDate) to = (this.statements.nextDate.get({ ...filter, from }) as string | null) ?? undefined;
        const end: PageEnd = to === undefined ? 'open' : 'bounded';
        const parameters = to === undefined ? { ...filter, from } : { ...filter, from, to };
        if (oneDate) {
          yield* inPages(this.statements.rows[end].iterate(parameters) as IterableIterator<ExportSetRow>);
        } else {
          const page = this.page(end, parameters);
          if (page.length > 0) yield page;
        }
        if (to === undefined) return;
        from = to;
      }
    } finally {
      if (this.db.inTransaction) this.db.exec('COMMIT');
      this.db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  /** One page: through JSON when every load and RPE in it crosses exactly, else row by row. */
  private page(end: PageEnd, parameters: Parameters): ExportSetRow[] {
    const [json, inexact] = this.statements.json[end].get(parameters) as [string | null, number | null];
    if (json === null) return [];
    if (inexact) return this.statements.rows[end].all(parameters) as ExportSetRow[];
    const rows = JSON.parse(json) as unknown[][];
    for (const row of rows) {
      row[2] = this.exerciseNames.get(row[2] as number);
      row[7] = (row[7] as number) / SCALE;
      if (typeof row[8] === 'number') row[8] = UNITS[row[8]];
      if (typeof row[9] === 'number') row[9] = LOAD_KINDS[row[9]];
      if (row[10] !== null) row[10] = (row[10] as number) / SCALE;
    }
    return rows as ExportSetRow[];
  }
}

/** Rows read one at a time, handed on PAGE_SETS at a time. */
function* inPages(rows: Iterable<ExportSetRow>): Generator<ExportSetRow[], void, undefined> {
  let page: ExportSetRow[] = [];
  for (const row of rows) {
    page.push(row);
    if (page.length === PAGE_SETS) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
