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

/** A SessionSetRow followed by the place, in the list asked about, of the exercise or point it answers. */
export type PlacedSessionSetRow = SessionSetRow & { 9: number };

/**
 * The rows of a query about many exercises or points, in order of place, date, session and set
 * number, as the sessions of each place: one list per place, a Session per date and session number.
 */
export function sessionsByPlace(rows: readonly PlacedSessionSetRow[], places: number): Session[][] {
  const byPlace = Array.from({ length: places }, (): Session[] => []);
  let sets: SessionSet[] = [];
  let place: number | undefined;
  let date: string | undefined;
  let session: number | undefined;
  // Indexed reads, not `for (const [date, …] of rows)`: array destructuring runs the iterator
  // protocol per cell, and on ~2,000 rows V8 then optimises this loop on a background thread that
  // `rehab next` must wait for before it can exit (about 18 ms, seen with --trace-opt).
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as PlacedSessionSetRow;
    if (row[9] !== place || row[0] !== date || row[1] !== session) {
      place = row[9];
      date = row[0];
      session = row[1];
      sets = [];
      byPlace[place]?.push({ date, sets });
    }
    sets.push({ reps: row[2], seconds: row[3], load: loadFrom(row[4], row[5], row[6]), rpe: row[7], pain: row[8] });
  }
  return byPlace;
}
