import type BetterSqlite3 from 'better-sqlite3';
import type { Session } from '../domain/types.js';
import { SESSION_SET_COLUMNS, sessionsByPlace, type PlacedSessionSetRow } from './session-rows.js';
import { statement } from './statements.js';

/**
 * The query behind `sessionsBetween`, exported for its query-plan test: one range of the
 * (exercise_id, date, session, set_number) index, already in the order it returns, so no sort.
 * The last column, 0, is the place `sessionsByPlace` groups by: there is one exercise.
 */
export const SESSIONS_BETWEEN_SQL = `SELECT ${SESSION_SET_COLUMNS}, 0
  FROM sets s
 WHERE exercise_id = @exerciseId AND date >= @since AND date <= @until
 ORDER BY exercise_id, date, session, set_number`;

/** What `rehab progress` reads: one exercise's sessions over a range of days. */
export class ProgressRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /**
   * Every session of the exercise from `since` to `until` (inclusive), oldest first, sets in order.
   * Raw rows, as `rehab next` reads them: a century of one exercise is tens of thousands of sets.
   */
  sessionsBetween(exerciseId: number, since: string, until: string): Session[] {
    const rows = statement(this.db, SESSIONS_BETWEEN_SQL).raw().all({ exerciseId, since, until }) as PlacedSessionSetRow[];
    return sessionsByPlace(rows, 1)[0] as Session[];
  }
}
