import type BetterSqlite3 from 'better-sqlite3';
import type { Session } from '../domain/types.js';
import { loadFrom } from './load-columns.js';
import { SESSION_SET_COLUMNS, type SessionSetRow } from './session-rows.js';
import { statement } from './statements.js';

/**
 * The query behind `sessionsBetween`, exported for its query-plan test: one range of the
 * (exercise_id, date, session, set_number) index, already in the order it returns, so no sort.
 */
export const SESSIONS_BETWEEN_SQL = `SELECT ${SESSION_SET_COLUMNS}
  FROM sets s
 WHERE exercise_id = @exerciseId AND date >= @since AND date <= @until
 ORDER BY exercise_id, date, session, set_number`;

/** What `rehab progress` reads: one exercise's sessions over a range of days. */
export class ProgressRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /**
   * Every session of the exercise from `since` to `until` (inclusive), oldest first, sets in order.
   * Raw rows, read by index: a century of one exercise is tens of thousands of sets.
   */
  sessionsBetween(exerciseId: number, since: string, until: string): Session[] {
    const rows = statement(this.db, SESSIONS_BETWEEN_SQL).raw().all({ exerciseId, since, until }) as SessionSetRow[];
    const sessions: Session[] = [];
    let sets: Session['sets'] = [];
    let date: string | undefined;
    let session: number | undefined;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as SessionSetRow;
      if (row[0] !== date || row[1] !== session) {
        date = row[0];
        session = row[1];
        sets = [];
        sessions.push({ date, sets });
      }
      sets.push({ reps: row[2], seconds: row[3], load: loadFrom(row[4], row[5], row[6]), rpe: row[7], pain: row[8] });
    }
    return sessions;
  }
}
