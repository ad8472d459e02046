// Sessions as the rules engine and the milestones read them: only the columns a session is made
// of, as raw rows (arrays), which better-sqlite3 returns several times faster than objects of
// every column. `rehab next` reads a dozen sessions of every exercise this way.
import type { Session, SessionSet, Unit } from '../domain/types.js';
import { loadFrom } from './load-columns.js';

/** The columns of SessionSetRow, for a query on `sets s`. */
export const SESSION_SET_COLUMNS = 's.date, s.session, s.reps, s.seconds, s.load_kind, s.load_value, s.load_unit, s.rpe, s.pain';

export type SessionSetRow = [
  date: string,
  session: number,
  reps: number | null,
  seconds: number | null,
  loadKind: 'external' | 'bodyweight',
  loadValue: number,
  loadUnit: Unit,
  rpe: number | null,
  pain: number | null,
];

/** Rows in order of date, session and set number, as one Session per date and session number. */
export function sessionsFromRows(rows: readonly SessionSetRow[]): Session[] {
  const sessions: Session[] = [];
  let sets: SessionSet[] = [];
  let date: string | undefined;
  let session: number | undefined;
  // Indexed reads, not `for (const [date, …] of rows)`: array destructuring runs the iterator
  // protocol per cell, and on ~2,000 rows V8 then optimises this loop on a background thread that
  // `rehab next` must wait for before it can exit (about 18 ms, seen with --trace-opt).
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SessionSetRow;
    if (row[0] !== date || row[1] !== session) {
      sets = [];
      date = row[0];
      session = row[1];
      sessions.push({ date, sets });
    }
    sets.push({ reps: row[2], seconds: row[3], load: loadFrom(row[4], row[5], row[6]), rpe: row[7], pain: row[8] });
  }
  return sessions;
}

/** A SessionSetRow followed by the place, in the list asked about, of the exercise or point it answers. */
export type PlacedSessionSetRow = SessionSetRow & { 9: number };

/** Rows of a query about many exercises or points, split by the place each answers: one list per place, in order. */
export function rowsByPlace(rows: readonly PlacedSessionSetRow[], places: number): SessionSetRow[][] {
  const byPlace = Array.from({ length: places }, (): SessionSetRow[] => []);
  for (const row of rows) byPlace[row[9]]?.push(row);
  return byPlace;
}
