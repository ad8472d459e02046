// One stored set with its exercise's name and its batch, as undo, edit and delete read it.
import type { Load, LoggedSet, Unit } from '../domain/types.js';

/** A logged set with what the corrections need besides: its exercise's name and its batch. */
export interface StoredSet extends LoggedSet {
  exerciseName: string;
  batchId: number;
}

export interface StoredSetRow {
  id: number;
  uid: string;
  batch_id: number;
  exercise_id: number;
  exercise_name: string;
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

/** SELECT … FROM sets s JOIN exercises e: add a WHERE and an ORDER BY. */
export const STORED_SET_SELECT = `SELECT s.id, s.uid, s.batch_id, s.exercise_id, e.name AS exercise_name, s.date, s.session, s.set_number,
       s.reps, s.seconds, s.load_kind, s.load_value, s.load_unit, s.rpe, s.pain, s.note, s.source
  FROM sets s JOIN exercises e ON e.id = s.exercise_id`;

export function toStoredSet(row: StoredSetRow): StoredSet {
  const load: Load =
    row.load_kind === 'external'
      ? { kind: 'external', value: row.load_value, unit: row.load_unit }
      : { kind: 'bodyweight', added: row.load_value, unit: row.load_unit };
  return {
    id: row.id,
    uid: row.uid,
    batchId: row.batch_id,
    exerciseId: row.exercise_id,
    exerciseName: row.exercise_name,
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

/**
 * A batch's summary with a later change to its sets recorded, so that `rehab undo` can say the
 * batch is no longer what was added: `Goblet squat 25 kg 3×10 on 2026-11-24; since then set 5
 * deleted, set 4 edited`. The same change is recorded once.
 */
export function summaryWithChange(summary: string, change: string): string {
  const marker = '; since then ';
  const at = summary.lastIndexOf(marker);
  if (at === -1) return `${summary}${marker}${change}`;
  const changes = summary.slice(at + marker.length).split(', ');
  return changes.includes(change) ? summary : `${summary}, ${change}`;
}
