import type BetterSqlite3 from 'better-sqlite3';
import type { LoggedSet, Session, SetValues, Unit } from '../domain/types.js';
import { InternalError } from '../errors.js';
import { loadFromColumns } from './load-columns.js';
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
   * they were first logged), sets in order. `limitSessions` counts entries.
   */
  history(filter: HistoryFilter = {}): HistoryEntry[] {
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
      if (filter.limitSessions <= 0) return [];
      // N entries lie within the newest N dates. Finding the oldest of those walks an index
      // backwards and stops, so a short history of a long log reads only the end of it.
      const oldest = statement(this.db, `SELECT min(date) FROM (SELECT DISTINCT date FROM sets ${whereClause()} ORDER BY date DESC LIMIT @limit)`)
        .pluck()
        .get({ ...parameters, limit: filter.limitSessions }) as string | null;
      if (oldest === null) return [];
      conditions.push('date >= @oldest');
      parameters.oldest = oldest;
    }

    // Newest date first and, within a date, in the order the sets were stored: sets_by_date is
    // (date, rowid), so without an exercise filter this is a backward index walk with no sort.
    const rows = statement(this.db, `SELECT ${SET_COLUMNS} FROM sets s ${whereClause()} ORDER BY s.date DESC, s.id`).all(parameters) as SetRow[];
    const names = new Map(
      (statement(this.db, 'SELECT id, name FROM exercises').all() as Array<{ id: number; name: string }>).map((row) => [row.id, row.name]),
    );

    const entries: HistoryEntry[] = [];
    let day = new Map<string, HistoryEntry>();
    let dayDate: string | undefined;
    for (const row of rows) {
      if (row.date !== dayDate) {
        day = new Map();
        dayDate = row.date;
      }
      const key = `${row.exercise_id}/${row.session}`;
      let entry = day.get(key);
      if (entry === undefined) {
        // Sessions of one day in the order they were first logged.
        entry = { date: row.date, session: row.session, exerciseId: row.exercise_id, exerciseName: names.get(row.exercise_id) ?? '', sets: [] };
        day.set(key, entry);
        entries.push(entry);
      }
      entry.sets.push(toLoggedSet(row));
    }
    // Edits and imports can store a set after a later-numbered one; show them by number.
    for (const entry of entries) entry.sets.sort((a, b) => a.setNumber - b.setNumber);
    return filter.limitSessions === undefined ? entries : entries.slice(0, filter.limitSessions);
  }

  /** How many sets the log holds. */
  count(): number {
    return statement(this.db, 'SELECT count(*) FROM sets').pluck().get() as number;
  }
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
