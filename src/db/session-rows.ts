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
  for (const [rowDate, rowSession, reps, seconds, loadKind, loadValue, loadUnit, rpe, pain] of rows) {
    if (rowDate !== date || rowSession !== session) {
      sets = [];
      sessions.push({ date: rowDate, sets });
      date = rowDate;
      session = rowSession;
    }
    sets.push({ reps, seconds, load: loadFrom(loadKind, loadValue, loadUnit), rpe, pain });
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
