import type BetterSqlite3 from 'better-sqlite3';
import type { Session } from '../domain/types.js';
import { loadFromColumns, type LoadColumns } from './load-columns.js';
import { statement } from './statements.js';

interface ProgressRow extends LoadColumns {
  date: string;
  session: number;
  reps: number | null;
  seconds: number | null;
  rpe: number | null;
  pain: number | null;
}

/**
 * The query behind `sessionsBetween`, exported for its query-plan test: one range of the
 * (exercise_id, date, session, set_number) index, already in the order it returns, so no sort.
 */
export const SESSIONS_BETWEEN_SQL = `SELECT date, session, reps, seconds, load_kind, load_value, load_unit, rpe, pain
  FROM sets
 WHERE exercise_id = @exerciseId AND date >= @since AND date <= @until
 ORDER BY exercise_id, date, session, set_number`;

/** What `rehab progress` reads: one exercise's sessions over a range of days. */
export class ProgressRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /** Every session of the exercise from `since` to `until` (inclusive), oldest first, sets in order. */
  sessionsBetween(exerciseId: number, since: string, until: string): Session[] {
    const rows = statement(this.db, SESSIONS_BETWEEN_SQL).all({ exerciseId, since, until }) as ProgressRow[];
    const sessions: Session[] = [];
    let key: string | undefined;
    for (const row of rows) {
      const set = {
        reps: row.reps,
        seconds: row.seconds,
        load: loadFromColumns(row),
        rpe: row.rpe,
        pain: row.pain,
      };
      const rowKey = `${row.date}/${row.session}`;
      if (rowKey === key) sessions.at(-1)?.sets.push(set);
      else sessions.push({ date: row.date, sets: [set] });
      key = rowKey;
    }
    return sessions;
  }
}

