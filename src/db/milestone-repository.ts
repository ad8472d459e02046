import type BetterSqlite3 from 'better-sqlite3';
import { exerciseKey, type BestValue } from '../domain/milestones.js';
import type { Session } from '../domain/types.js';
import { loadFromColumns, type LoadColumns } from './load-columns.js';
import { SESSION_SET_COLUMNS, sessionsByPlace, type PlacedSessionSetRow } from './session-rows.js';
import { statement } from './statements.js';

// The external load of a set in kg and its Epley e1RM, word for word as in the expression indexes
// of migrations/0002-checkins-bodyweight-milestones.sql: SQLite uses an expression index only for
// the identical expression. src/domain/e1rm.ts computes the same numbers in the same order.
const EXTERNAL_KG = "max(load_value, 0.0) * (CASE load_unit WHEN 'lb' THEN 0.45359237 ELSE 1.0 END)";
const E1RM_KG =
  "(max(load_value, 0.0) * (CASE load_unit WHEN 'lb' THEN 0.45359237 ELSE 1.0 END)) * (CASE WHEN reps = 1 THEN 1.0 ELSE 1.0 + reps / 30.0 END)";

// Milestones are as of a date (`rehab next --date`): every query takes @until. Those about many
// exercises at once take them as a JSON array (@exerciseIds, or @points of [exercise id, date])
// and look each one up with a correlated subquery: one statement instead of one per exercise,
// which for `rehab next` over 20 exercises costs several times less than the same lookups apart.
// `+date` keeps SQLite from preferring the (exercise_id, date) index for the date bound, which
// would sort every set of the exercise; the expression index answers in one step instead.

/** The heaviest external load of each exercise: the first row of a backward walk of its index. */
export const HEAVIEST_SQL = `SELECT exercise.key AS number, s.date, s.load_kind, s.load_value, s.load_unit, ${EXTERNAL_KG} AS kg
  FROM json_each(@exerciseIds) exercise
  JOIN sets s ON s.id = (
    SELECT id FROM sets WHERE exercise_id = exercise.value AND +date <= @until
     ORDER BY ${EXTERNAL_KG} DESC, date
     LIMIT 1)`;

/** The best Epley e1RM of each exercise (sets of 10 reps or fewer, Reynolds 2006): likewise. */
export const BEST_E1RM_SQL = `SELECT exercise.key AS number, s.date, s.reps, s.load_kind, s.load_value, s.load_unit, ${E1RM_KG} AS kg
  FROM json_each(@exerciseIds) exercise
  JOIN sets s ON s.id = (
    SELECT id FROM sets WHERE exercise_id = exercise.value AND reps <= 10 AND +date <= @until
     ORDER BY ${E1RM_KG} DESC, date
     LIMIT 1)`;

/**
 * For each point (an exercise and a date, numbered by its place in the @points array) one session
 * of the exercise on or before the date, chosen by `pick`: one step into the (exercise_id, date)
 * index (or a walk that stops at the first set passing `filter`) finds a set of it, then its sets.
 */
function sessionAtEachPointSql(pick: 'first' | 'last', filter = ''): string {
  const order = pick === 'first' ? 'date, session' : 'date DESC, session DESC';
  const index = filter === '' ? '' : ' INDEXED BY sets_by_exercise_date';
  return `WITH point(number, exercise_id, until) AS (
  SELECT key, value ->> 0, value ->> 1 FROM json_each(@points)
),
chosen(number, exercise_id, set_id) AS (
  SELECT number, exercise_id,
         (SELECT id FROM sets${index} WHERE exercise_id = point.exercise_id AND date <= point.until${filter} ORDER BY ${order} LIMIT 1)
    FROM point
)
SELECT ${SESSION_SET_COLUMNS}, chosen.number
  FROM chosen
  JOIN sets picked ON picked.id = chosen.set_id
  CROSS JOIN sets s ON s.exercise_id = chosen.exercise_id AND s.date = picked.date AND s.session = picked.session
 ORDER BY chosen.number, s.set_number`;
}

/** The first session of each point's exercise. */
export const FIRST_SESSIONS_SQL = sessionAtEachPointSql('first');

/**
 * The first session with an estimated 1RM (a set of 10 reps or fewer with an external load): a
 * walk of the exercise's sets by date that stops at the first such set. Only asked when the best
 * e1RM exists, so the walk always stops, usually within the first sessions.
 */
export const FIRST_E1RM_SESSIONS_SQL = sessionAtEachPointSql('first', ` AND reps <= 10 AND ${EXTERNAL_KG} > 0`);

/** The last session of each point's exercise on or before its date: what a review compares with the first. */
export const LAST_SESSIONS_SQL = sessionAtEachPointSql('last');

/**
 * How far from an exercise's first session `firstReachingSql` walks its sets by date before it
 * turns to the index of values [design]: marks are mostly reached in the first months of rehab
 * (the start counts from the first session), and the walk stops at the first set that reaches the
 * mark, a few rows in. Six months of sets of one exercise are a few hundred rows at most.
 */
const WALK_FROM_FIRST_SESSION = '+6 months';

/**
 * The first day a set's value (external load, or e1RM) reached @kg. First a walk of the
 * exercise's sets by date, through its first six months, that stops at the first set reaching
 * @kg; when none did, a skip scan of the expression index over the distinct values at or above
 * @kg (a handful of loads: 20, 22, 24 kg…), taking for each the first day it was lifted, each one
 * index step: its cost grows with the number of distinct values above the mark, not with the log.
 * (coalesce evaluates the skip scan only when the walk found nothing.)
 */
function firstReachingSql(value: string, filter: string): string {
  return `SELECT coalesce(
  (SELECT date FROM sets INDEXED BY sets_by_exercise_date
    WHERE exercise_id = @exerciseId${filter} AND ${value} >= @kg
      AND date <= min(@until, date((SELECT min(date) FROM sets WHERE exercise_id = @exerciseId), '${WALK_FROM_FIRST_SESSION}'))
    ORDER BY date LIMIT 1),
  (WITH RECURSIVE reached(kg) AS (
     SELECT min(${value}) FROM sets WHERE exercise_id = @exerciseId${filter} AND ${value} >= @kg
     UNION ALL
     SELECT (SELECT min(${value}) FROM sets WHERE exercise_id = @exerciseId${filter} AND ${value} > reached.kg)
       FROM reached WHERE reached.kg IS NOT NULL
   )
   SELECT min((SELECT min(date) FROM sets WHERE exercise_id = @exerciseId${filter} AND ${value} = reached.kg AND date <= @until))
     FROM reached WHERE reached.kg IS NOT NULL)
)`;
}

/** The first day a set's external load reached @kg (see `firstReachingSql`). */
export const FIRST_REACHING_LOAD_SQL = firstReachingSql(EXTERNAL_KG, '');

/** The first day a set's e1RM reached @kg (see `firstReachingSql`). */
export const FIRST_REACHING_E1RM_SQL = firstReachingSql(E1RM_KG, ' AND reps <= 10');

/** The first day of the whole log: one step into the date index. */
export const FIRST_LOG_DATE_SQL = 'SELECT min(date) FROM sets WHERE date <= @until';

/** The days anything was logged between two dates: a bounded range of the date index. */
export const TRAINING_DATES_SQL = 'SELECT DISTINCT date FROM sets WHERE date >= @from AND date <= @until ORDER BY date';

/** [design] Float noise: a threshold of 0.3 × 80 kg is 24.000000000000004, which 24 kg must meet. */
const THRESHOLD_TOLERANCE_KG = 1e-6;

export type MarkMetric = 'load' | 'e1rm';

interface BestRow extends LoadColumns {
  /** The exercise's place in @exerciseIds. */
  number: number;
  date: string;
  reps?: number;
  kg: number;
}

/**
 * The aggregates milestones are derived from, each an index lookup (or a walk that stops early),
 * so `rehab next` stays as fast at a million sets as at a hundred; and the acknowledgements.
 */
export class MilestoneRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /** The first session of each exercise on or before `until` (null for one with none), in the order of `exerciseIds`. */
  firstSessions(exerciseIds: readonly number[], until: string): Array<Session | null> {
    return this.sessionAtEachPoint(FIRST_SESSIONS_SQL, exerciseIds.map((exerciseId) => ({ exerciseId, until })));
  }

  /** The first session of each exercise with an estimated 1RM, on or before `until`. */
  firstE1rmSessions(exerciseIds: readonly number[], until: string): Array<Session | null> {
    return this.sessionAtEachPoint(FIRST_E1RM_SESSIONS_SQL, exerciseIds.map((exerciseId) => ({ exerciseId, until })));
  }

  /**
   * The last session of each point's exercise on or before its date, in the order of `points`
   * (null for a point with none): what a review compares with the first session.
   */
  lastSessions(points: ReadonlyArray<{ exerciseId: number; until: string }>): Array<Session | null> {
    return this.sessionAtEachPoint(LAST_SESSIONS_SQL, points);
  }

  private sessionAtEachPoint(sql: string, points: ReadonlyArray<{ exerciseId: number; until: string }>): Array<Session | null> {
    if (points.length === 0) return [];
    const json = JSON.stringify(points.map((point) => [point.exerciseId, point.until]));
    const rows = statement(this.db, sql).raw().all({ points: json }) as PlacedSessionSetRow[];
    return sessionsByPlace(rows, points.length).map((sessions) => sessions[0] ?? null);
  }

  /** The heaviest external load of each exercise on or before `until`, and the first day it was lifted. */
  heaviest(exerciseIds: readonly number[], until: string): Array<BestValue | null> {
    return this.bestOfEach(HEAVIEST_SQL, exerciseIds, until);
  }

  /** The best Epley e1RM of each exercise on or before `until`, from sets of 10 reps or fewer. */
  bestE1rm(exerciseIds: readonly number[], until: string): Array<BestValue | null> {
    return this.bestOfEach(BEST_E1RM_SQL, exerciseIds, until);
  }

  private bestOfEach(sql: string, exerciseIds: readonly number[], until: string): Array<BestValue | null> {
    const best = exerciseIds.map((): BestValue | null => null);
    if (exerciseIds.length === 0) return best;
    for (const row of statement(this.db, sql).all({ exerciseIds: JSON.stringify(exerciseIds), until }) as BestRow[]) best[row.number] = toBest(row);
    return best;
  }

  /** The first day on or before `until` the exercise's external load (or e1RM) reached `kg`, if it did. */
  firstReaching(exerciseId: number, metric: MarkMetric, kg: number, until: string): string | null {
    const sql = metric === 'load' ? FIRST_REACHING_LOAD_SQL : FIRST_REACHING_E1RM_SQL;
    const date = statement(this.db, sql).pluck().get({ exerciseId, until, kg: kg - THRESHOLD_TOLERANCE_KG }) as string | null | undefined;
    return date ?? null;
  }

  /** The day of the first session in the log on or before `until`. */
  firstLogDate(until: string): string | null {
    return (statement(this.db, FIRST_LOG_DATE_SQL).pluck().get({ until }) as string | null) ?? null;
  }

  /** The distinct days with any session from `from` to `until`, oldest first. */
  trainingDates(from: string, until: string): string[] {
    return statement(this.db, TRAINING_DATES_SQL).pluck().all({ from, until }) as string[];
  }

  /** Acknowledged milestone ids and when each was acknowledged (ISO timestamp). */
  acknowledged(): Map<string, string> {
    const rows = statement(this.db, 'SELECT milestone_id AS id, acknowledged_at AS at FROM milestone_acks').all() as Array<{ id: string; at: string }>;
    return new Map(rows.map((row) => [row.id, row.at]));
  }

  /** Stores acknowledgements in one immediate transaction; one already stored keeps its first time. */
  acknowledge(ids: readonly string[], now: string): void {
    const write = this.db.transaction(() => {
      const insert = statement(this.db, 'INSERT INTO milestone_acks (milestone_id, acknowledged_at) VALUES (?, ?) ON CONFLICT (milestone_id) DO NOTHING');
      for (const id of ids) insert.run(id, now);
    });
    write.immediate();
  }

  /**
   * Moves the acknowledgements of an exercise's milestones to its new name (their ids end in
   * `:<exercise-key>`), so renaming an exercise does not bring back milestones already seen.
   * For `rehab exercise rename`; run it in the rename's transaction.
   */
  renameExercise(oldName: string, newName: string): void {
    const from = `:${exerciseKey(oldName)}`;
    const to = `:${exerciseKey(newName)}`;
    if (from === to) return;
    const update = statement(this.db, 'UPDATE OR IGNORE milestone_acks SET milestone_id = ? WHERE milestone_id = ?');
    for (const id of this.acknowledged().keys()) {
      if (id.endsWith(from)) update.run(id.slice(0, -from.length) + to, id);
    }
  }
}

function toBest(row: BestRow): BestValue {
  const best: BestValue = { kg: row.kg, load: loadFromColumns(row), date: row.date };
  if (row.reps !== undefined) best.reps = row.reps;
  return best;
}

