import type BetterSqlite3 from 'better-sqlite3';
import type { DatedBodyweight } from '../domain/bodyweight.js';
import type { Unit } from '../domain/types.js';
import { statement } from './statements.js';

/** A body weight to record, exactly as entered. */
export interface NewBodyweight {
  date: string;
  value: number;
  unit: Unit;
  /** ISO timestamp for created_at, injected. */
  now: string;
}

interface BodyweightRow {
  id: number;
  date: string;
  value: number;
  unit: Unit;
}

/**
 * The query behind `latestOnOrBefore`, exported for its query-plan test: one backward step
 * through the (date, id) index, which is also how the latest entry of a day wins.
 */
export const LATEST_BODYWEIGHT_SQL = `SELECT id, date, value, unit FROM bodyweights
 WHERE date <= @date
 ORDER BY date DESC, id DESC
 LIMIT 1`;

/** Body weights from `rehab bodyweight`, for bodyweight-relative milestones and `bw` totals. */
export class BodyweightRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /** Records one body weight in one immediate transaction and returns it as stored. */
  record(input: NewBodyweight): DatedBodyweight & { id: number } {
    const write = this.db.transaction(() => {
      const { lastInsertRowid } = statement(this.db, 'INSERT INTO bodyweights (date, value, unit, created_at) VALUES (?, ?, ?, ?)')
        .run(input.date, input.value, input.unit, input.now);
      return Number(lastInsertRowid);
    });
    const id = write.immediate();
    return { id, date: input.date, load: { kind: 'external', value: input.value, unit: input.unit } };
  }

  /** The body weight that counts on `date`: the latest entry on or before it, if any. */
  latestOnOrBefore(date: string): DatedBodyweight | undefined {
    const row = statement(this.db, LATEST_BODYWEIGHT_SQL).get({ date }) as BodyweightRow | undefined;
    return row && toDated(row);
  }

  /**
   * The body weights that count on the days from `since` to `until`: the one in force on `since`
   * (the latest on or before it) and each day's latest after it, oldest first.
   */
  forPeriod(since: string, until: string): DatedBodyweight[] {
    const first = this.latestOnOrBefore(since);
    const rows = statement(this.db, 'SELECT id, date, value, unit FROM bodyweights WHERE date > @since AND date <= @until ORDER BY date, id')
      .all({ since, until }) as BodyweightRow[];
    const byDay = new Map<string, DatedBodyweight>();
    if (first) byDay.set(first.date, first);
    for (const row of rows) byDay.set(row.date, toDated(row));
    return [...byDay.values()];
  }
}

function toDated(row: BodyweightRow): DatedBodyweight {
  return { date: row.date, load: { kind: 'external', value: row.value, unit: row.unit } };
}
