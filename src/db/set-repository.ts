import type BetterSqlite3 from 'better-sqlite3';
import type { LoggedSet, Session, SetValues, Unit } from '../domain/types.js';
import { InternalError } from '../errors.js';
import { loadFrom, loadFromColumns } from './load-columns.js';
import { SESSION_SET_COLUMNS, sessionsByPlace, type PlacedSessionSetRow } from './session-rows.js';
import { statement } from './statements.js';

/** One set to record; the load exactly as entered. */
export type NewSet = SetValues;

/** One `rehab log`: one session of one exercise, undone together. */
export interface NewSession {
  exerciseId: number;
  /** YYYY-MM-DD */
  date: string;
  sets: NewSet[];
  /** Where the rows came from: 'typed', … */
  source: string;
  /** What `rehab undo` says it removes, e.g. "Goblet squat 25 kg 3×10 on 2026-11-24". */
  summary: string;
  /** ISO timestamp for created_at, injected. */
  now: string;
}

/** The sets of one session of one exercise, for `rehab history`. */
export interface HistoryEntry {
  date: string;
  session: number;
  exerciseId: number;
  exerciseName: string;
  sets: LoggedSet[];
}

export interface HistoryFilter {
  exerciseId?: number;
  /** Inclusive, YYYY-MM-DD. */
  since?: string;
  /** Inclusive, YYYY-MM-DD. */
  until?: string;
  /** At most this many entries (one per session), the newest. */
  limitSessions?: number;
}

/** What `rehab history` shows, its entries read as they are asked for. */
export interface HistoryView {
  /** The exercises with sets in the dates shown (the text lines up their names). */
  exerciseNames: string[];
  /** The first and last date shown, or null when nothing is. */
  span: { from: string; to: string } | null;
  /** Newest first; see `SetRepository.history`. */
  entries: Iterator<HistoryEntry, void, undefined> & Iterable<HistoryEntry>;
}

/** A row of `sets` as SET_COLUMNS selects it. */
export interface SetRow {
  id: number;
  uid: string;
  exercise_id: number;
  date: string;
  session: number;
  set_number: number;
  reps: number | null;
  seconds: number | null;
  load_kind: 'external' | 'bodyweight';
  load_value: number;
  load_unit: Unit;
  rpe: number | null;
  pain: number | null;
  note: string | null;
  source: string;
}

/**
 * A random (version 4) UUID made by SQLite, whose randomness is a ChaCha20 generator seeded from
 * the operating system: writing a set then needs no node:crypto, a few milliseconds of `rehab log`.
 */
const NEW_UUID_SQL = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

const SET_COLUMNS = 's.id, s.uid, s.exercise_id, s.date, s.session, s.set_number, s.reps, s.seconds, s.load_kind, s.load_value, s.load_unit, s.rpe, s.pain, s.note, s.source';

/**
 * The query behind `recentSessions`, exported so a test can check its plan: for each exercise of
 * the @exerciseIds JSON array, a backward walk of the (exercise_id, date) index with LIMIT finds
 * the day of the @limit-th last session, then one range of the same index reads the sets from
 * that day on. As fast at 1,000,000 sets as at 1,000; one statement for all the exercises
 * `rehab next` asks about. Only the columns a session is made of, as raw rows.
 */
export const RECENT_SESSIONS_SQL = `SELECT ${SESSION_SET_COLUMNS}, exercise.key
  FROM json_each(@exerciseIds) exercise
  CROSS JOIN sets s ON s.exercise_id = exercise.value AND s.date <= @until AND s.date >= (
    SELECT min(date) FROM (
      SELECT DISTINCT date, session FROM sets
       WHERE exercise_id = exercise.value AND date <= @until
       ORDER BY date DESC, session DESC
       LIMIT @limit))
 ORDER BY exercise.key, s.date, s.session, s.set_number`;

/** The logged sets: writing one session, and the reads the rules engine and history need. */
export class SetRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /**
   * Records one session in one immediate transaction: a `log` batch (what `undo` removes) and its
   * sets numbered from 1, as the next session of the exercise on that date. Returns the stored rows.
   */
  logSession(input: NewSession): LoggedSet[] {
    if (input.sets.length === 0) throw new InternalError('logSession needs at least one set.');
    const write = this.db.transaction((): number => {
      const { lastInsertRowid } = statement(this.db, "INSERT INTO batches (kind, summary, created_at) VALUES ('log', ?, ?)")
        .run(input.summary, input.now);
      const batchId = Number(lastInsertRowid);
      const session =
        1 +
        (statement(this.db, 'SELECT coalesce(max(session), 0) FROM sets WHERE exercise_id = ? AND date = ?')
          .pluck()
          .get(input.exerciseId, input.date) as number);
      const insert = statement(this.db, 
        `INSERT INTO sets (uid, batch_id, exercise_id, date, session, set_number, reps, seconds, load_kind, load_value, load_unit, rpe, pain, note, source, created_at)
         VALUES (${NEW_UUID_SQL}, @batchId, @exerciseId, @date, @session, @setNumber, @reps, @seconds, @loadKind, @loadValue, @loadUnit, @rpe, @pain, @note, @source, @now)`,
      );
      input.sets.forEach((set, index) => {
        insert.run({
          batchId,
          exerciseId: input.exerciseId,
          date: input.date,
          session,
          setNumber: index + 1,
          reps: set.reps,
          seconds: set.seconds,
          loadKind: set.load.kind,
          loadValue: set.load.kind === 'external' ? set.load.value : set.load.added,
          loadUnit: set.load.unit,
          rpe: set.rpe,
          pain: set.pain,
          note: set.note,
          source: input.source,
          now: input.now,
        });
      });
      return batchId;
    });
    const batchId = write.immediate();
    const rows = statement(this.db, `SELECT ${SET_COLUMNS} FROM sets s WHERE s.batch_id = ? ORDER BY s.set_number`).all(batchId) as SetRow[];
    return rows.map(toLoggedSet);
  }

  /**
   * The last `limit` sessions of each exercise on or before `until`, oldest first, each with its
   * sets in order; in the order of `exerciseIds`. The query behind every `rehab next`.
   */
  recentSessions(exerciseIds: readonly number[], until: string, limit: number): Session[][] {
    if (exerciseIds.length === 0) return [];
    const rows = statement(this.db, RECENT_SESSIONS_SQL).raw().all({ exerciseIds: JSON.stringify(exerciseIds), until, limit }) as PlacedSessionSetRow[];
    // Whole days were read: the first may hold a session before the last `limit`.
    return sessionsByPlace(rows, exerciseIds.length).map((sessions) => sessions.slice(-limit));
  }

  /**
   * What was done, newest date first: one entry per session (the sessions of one day in the order
   * they were first logged), sets in order. `limitSessions` counts entries. The entries are read
   * as they are asked for, a day at a time, so a million sets take no more memory than a hundred.
   * All of it is one read transaction (unless one is open already), which ends when the entries
   * are all read or the reader stops: until then the log is seen at one moment, even while
   * another rehab writes. While the entries are being read the connection runs no other statement.
   */
  history(filter: HistoryFilter = {}): HistoryView {
    if (filter.limitSessions !== undefined && filter.limitSessions <= 0) return noHistory();
    const ownTransaction = !this.db.inTransaction;
    if (ownTransaction) this.db.exec('BEGIN');
    const end = (): void => {
      if (ownTransaction && this.db.inTransaction) this.db.exec('COMMIT');
    };
    try {
      const view = this.readHistory(filter, end);
      if (view.span === null) end();
      return view;
    } catch (error) {
      end();
      throw error;
    }
  }

  /** The history view of `history`, inside its read transaction; `end` ends that. */
  private readHistory(filter: HistoryFilter, end: () => void): HistoryView {
    // Built from fixed fragments only: `x IS NULL OR …` would keep SQLite from using the indexes.
    const conditions: string[] = [];
    const parameters: Record<string, string | number> = {};
    if (filter.exerciseId !== undefined) {
      conditions.push('exercise_id = @exerciseId');
      parameters.exerciseId = filter.exerciseId;
    }
    if (filter.since !== undefined) {
      conditions.push('date >= @since');
      parameters.since = filter.since;
    }
    if (filter.until !== undefined) {
      conditions.push('date <= @until');
      parameters.until = filter.until;
    }
    const whereClause = (): string => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

    if (filter.limitSessions !== undefined) {
      // N entries lie within the newest N dates. Finding the oldest of those walks an index
      // backwards and stops, so a short history of a long log reads only the end of it.
      const oldest = statement(this.db, `SELECT min(date) FROM (SELECT DISTINCT date FROM sets ${whereClause()} ORDER BY date DESC LIMIT @limit)`)
        .pluck()
        .get({ ...parameters, limit: filter.limitSessions }) as string | null;
      if (oldest === null) return noHistory();
      conditions.push('date >= @oldest');
      parameters.oldest = oldest;
    }

    // Two subqueries, each one step into an index: one query asking min and max together would read them all.
    const span = statement(this.db, `SELECT (SELECT min(date) FROM sets ${whereClause()}) AS first, (SELECT max(date) FROM sets ${whereClause()}) AS last`).get(
      parameters,
    ) as { first: string | null; last: string | null };
    if (span.first === null || span.last === null) return noHistory();
    const exerciseNames = statement(this.db, HISTORY_NAMES_SQL)
      .pluck()
      .all({ first: span.first, last: span.last, exerciseId: filter.exerciseId ?? null }) as string[];
    const names = new Map(statement(this.db, 'SELECT id, name FROM exercises').raw().all() as Array<[number, string]>);

    // Newest date first and, within a date, in the order the sets were stored: sets_by_date is
    // (date, rowid), so without an exercise filter this is a backward index walk, sorting one date at a time.
    const rows = statement(this.db, `SELECT ${SET_COLUMNS} FROM sets s ${whereClause()} ORDER BY s.date DESC, s.id`).raw();
    const readRows = () => rows.iterate(parameters) as IterableIterator<StoredSetRow>;
    return { exerciseNames, span: { from: span.first, to: span.last }, entries: entriesByDay(readRows, names, filter.limitSessions ?? Infinity, end) };
  }

  /** How many sets the log holds. */
  count(): number {
    return statement(this.db, 'SELECT count(*) FROM sets').pluck().get() as number;
  }
}

/** Nothing to show. */
function noHistory(): HistoryView {
  return { exerciseNames: [], span: null, entries: [][Symbol.iterator]() };
}

/** A row of `sets` as SET_COLUMNS selects it, read raw: better-sqlite3 makes arrays several times faster than objects. */
type StoredSetRow = [
  id: number,
  uid: string,
  exerciseId: number,
  date: string,
  session: number,
  setNumber: number,
  reps: number | null,
  seconds: number | null,
  loadKind: 'external' | 'bodyweight',
  loadValue: number,
  loadUnit: Unit,
  rpe: number | null,
  pain: number | null,
  note: string | null,
  source: string,
];

/**
 * The names of the exercises (all, or @exerciseId) with a set between two dates: for each
 * exercise (a table of a few dozen rows, read whole), one step into the (exercise_id, date)
 * index, at any size of log.
 */
export const HISTORY_NAMES_SQL = `SELECT e.name FROM exercises e
 WHERE (@exerciseId IS NULL OR e.id = @exerciseId)
   AND EXISTS (SELECT 1 FROM sets s WHERE s.exercise_id = e.id AND s.date >= @first AND s.date <= @last)`;

/**
 * The history entries of rows ordered by date (newest first) and id: a day's rows make its
 * entries, one per exercise and session in the order first met, each with its sets by number.
 * The query starts at the first entry asked for (until then the connection can run others) and
 * ends after `limit` entries or when the reader stops; then `end` is called.
 */
function* entriesByDay(
  readRows: () => IterableIterator<StoredSetRow>,
  names: ReadonlyMap<number, string>,
  limit: number,
  end: () => void,
): Generator<HistoryEntry, void, undefined> {
  let left = limit;
  let day = new Map<string, HistoryEntry>();
  let date: string | undefined;
  const finishDay = (): HistoryEntry[] => {
    const entries = [...day.values()].slice(0, left);
    // Edits and imports can store a set after a later-numbered one; show them by number.
    for (const entry of entries) entry.sets.sort((a, b) => a.setNumber - b.setNumber);
    left -= entries.length;
    return entries;
  };
  try {
    for (const row of readRows()) {
      if (row[3] !== date) {
        yield* finishDay();
        if (left <= 0) return;
        day = new Map();
        date = row[3];
      }
      const key = `${row[2]}/${row[4]}`;
      let entry = day.get(key);
      if (entry === undefined) {
        // Sessions of one day in the order they were first logged.
        entry = { date: row[3], session: row[4], exerciseId: row[2], exerciseName: names.get(row[2]) ?? '', sets: [] };
        day.set(key, entry);
      }
      entry.sets.push(loggedSetOf(row));
    }
    yield* finishDay();
  } finally {
    end();
  }
}

function loggedSetOf(row: StoredSetRow): LoggedSet {
  const [id, uid, exerciseId, date, session, setNumber, reps, seconds, loadKind, loadValue, loadUnit, rpe, pain, note, source] = row;
  return { id, uid, exerciseId, date, session, setNumber, reps, seconds, load: loadFrom(loadKind, loadValue, loadUnit), rpe, pain, note, source };
}

/** A stored row as the domain's `LoggedSet`. */
export function toLoggedSet(row: SetRow): LoggedSet {
  const load = loadFromColumns(row);
  return {
    id: row.id,
    uid: row.uid,
    exerciseId: row.exercise_id,
    date: row.date,
    session: row.session,
    setNumber: row.set_number,
    reps: row.reps,
    seconds: row.seconds,
    load,
    rpe: row.rpe,
    pain: row.pain,
    note: row.note,
    source: row.source,
  };
}
