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
 * Loads and RPEs cross from SQLite to JSON as whole numbers, exactly: SQLite writes decimals in
 * JSON to 15 digits, which would round some of them. Multiplying by a power of two is exact, so a
 * value that is a multiple of 2^-20 (22.5, 7.25, 55) crosses as one whole number, value · SCALE.
 * Any other value from 2^-20 to 2^31 (82.3, 24.948) crosses as two, [a, b] with value =
 * a / SCALE + b / FINE_SCALE: a is the value cut to a multiple of 2^-20, and the rest is a
 * multiple of the value's last bit, which is at least 2^-72 at that size. A page holding anything
 * else (1e-300, Infinity) is read as stored.
 */
const SCALE = 2 ** 20;
const FINE_SCALE = 2 ** 72;

/** A load or RPE column as JSON (see SCALE); 2^72 is written as a product of numbers SQLite reads exactly. */
function exactJson(column: string): string {
  const scaled = `${column} * ${SCALE}.0`;
  const whole = `CAST(${scaled} AS INTEGER)`;
  const rest = `CAST((${column} - ${whole} / ${SCALE}.0) * ${SCALE}.0 * ${SCALE}.0 * ${SCALE}.0 * 4096.0 AS INTEGER)`;
  return `CASE WHEN ${column} IS NULL THEN NULL WHEN ${scaled} = ${whole} THEN ${whole}
    WHEN abs(${column}) >= 1.0 / ${SCALE} AND abs(${column}) < 2147483648.0 THEN json_array(${whole}, ${rest}) ELSE 'as stored' END`;
}

/** A load or RPE from the JSON (see exactJson); undefined when its page has to be read as stored. */
function exactNumber(json: unknown): number | null | undefined {
  if (typeof json === 'number') return json / SCALE;
  if (json === null) return null;
  if (Array.isArray(json)) return (json[0] as number) / SCALE + (json[1] as number) / FINE_SCALE;
  return undefined;
}

/** Units and load kinds cross as their index in these lists (JSON.parse makes numbers faster than strings). */
const UNITS = ['kg', 'lb'] as const;
const LOAD_KINDS = ['external', 'bodyweight'] as const;

/** A text column as JSON: its index in `words`, or the text itself when it is none of them. */
function codedJson(column: string, words: readonly string[]): string {
  return `CASE ${column} ${words.map((word, code) => `WHEN '${word}' THEN ${code}`).join(' ')} ELSE ${column} END`;
}

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
 * The same sets as one JSON array of rows: the exercise as its id, loads and RPEs as exactJson
 * writes them. better-sqlite3 builds a row of 14 values about as slowly as SQLite runs the whole
 * query; one text per page costs next to nothing, and JSON.parse builds the rows fast. group_concat
 * keeps the order of the subquery: SQLite honours a subquery's ORDER BY under an aggregate other
 * than count, min and max (the export tests check the order).
 */
export function exportJsonSql(filter: ExportFilter, bounded: boolean): string {
  return `SELECT '[' || group_concat(row, ',') || ']' FROM (
SELECT json_array(s.uid, s.date, s.exercise_id, s.session, s.set_number, s.reps, s.seconds, ${exactJson('s.load_value')}, ${codedJson('s.load_unit', UNITS)}, ${codedJson('s.load_kind', LOAD_KINDS)}, ${exactJson('s.rpe')}, s.pain, s.note, s.source) AS row
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
      json: { bounded: this.db.prepare(exportJsonSql(filter, true)).pluck(), open: this.db.prepare(exportJsonSql(filter, false)).pluck() },
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

/** Reads the pages of one export (see ExportRepository.pages). */
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

  /** One page: through JSON, or as stored when a load or RPE in it cannot cross JSON exactly. */
  private page(end: PageEnd, parameters: Parameters): ExportSetRow[] {
    const json = this.statements.json[end].get(parameters) as string | null;
    if (json === null) return [];
    const rows = JSON.parse(json) as unknown[][];
    for (const row of rows) {
      const load = exactNumber(row[7]);
      const rpe = exactNumber(row[10]);
      if (load === undefined || rpe === undefined) return this.statements.rows[end].all(parameters) as ExportSetRow[];
      row[2] = this.exerciseNames.get(row[2] as number);
      row[7] = load;
      if (typeof row[8] === 'number') row[8] = UNITS[row[8]];
      if (typeof row[9] === 'number') row[9] = LOAD_KINDS[row[9]];
      row[10] = rpe;
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
