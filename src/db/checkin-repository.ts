import type BetterSqlite3 from 'better-sqlite3';
import type { PainCheckin } from '../domain/types.js';
import { statement } from './statements.js';

/** One stored next-morning pain check-in. */
export interface StoredCheckin {
  id: number;
  /** YYYY-MM-DD */
  date: string;
  pain: number;
  note: string | null;
}

/** A check-in to record. */
export interface NewCheckin {
  date: string;
  pain: number;
  note: string | null;
  /** ISO timestamp for created_at, injected. */
  now: string;
}

/**
 * The query behind `between`, exported so a test can check its plan: a range of the
 * (date, id) index, so it reads only the days asked for, however long the log.
 */
export const CHECKINS_BETWEEN_SQL = `SELECT id, date, pain, note FROM pain_checkins
 WHERE date >= @from AND date <= @until
 ORDER BY date, id`;

/** The next-morning pain check-ins of `rehab pain` (SPEC §4 step 3). */
export class CheckinRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /**
   * Records one check-in in one immediate transaction and returns it, with the check-ins already
   * stored for that day (which it replaces as the one that counts: the latest of a day).
   */
  record(input: NewCheckin): { stored: StoredCheckin; earlierThatDay: StoredCheckin[] } {
    const write = this.db.transaction(() => {
      const earlierThatDay = this.onDate(input.date);
      const { lastInsertRowid } = statement(this.db, 'INSERT INTO pain_checkins (date, pain, note, created_at) VALUES (?, ?, ?, ?)')
        .run(input.date, input.pain, input.note, input.now);
      const stored: StoredCheckin = { id: Number(lastInsertRowid), date: input.date, pain: input.pain, note: input.note };
      return { stored, earlierThatDay };
    });
    return write.immediate();
  }

  /** Every check-in of one day, in the order they were recorded. */
  onDate(date: string): StoredCheckin[] {
    return statement(this.db, 'SELECT id, date, pain, note FROM pain_checkins WHERE date = ? ORDER BY id').all(date) as StoredCheckin[];
  }

  /**
   * The check-in that counts for each day from `from` to `until` (inclusive), oldest first: the
   * latest recorded on that day.
   */
  between(from: string, until: string): PainCheckin[] {
    const rows = statement(this.db, CHECKINS_BETWEEN_SQL).all({ from, until }) as StoredCheckin[];
    const byDay = new Map<string, number>();
    // Rows come by (date, id), so the last one seen for a day is its latest.
    for (const row of rows) byDay.set(row.date, row.pain);
    return [...byDay].map(([date, pain]) => ({ date, pain }));
  }
}
