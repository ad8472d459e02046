// One stored set with its exercise's name and its batch, as undo, edit and delete read it.
import type { LoggedSet } from '../domain/types.js';
import { toLoggedSet, type SetRow } from './set-repository.js';

/** A logged set with what the corrections need besides: its exercise's name and its batch. */
export interface StoredSet extends LoggedSet {
  exerciseName: string;
  batchId: number;
}

/** A `sets` row with its batch and its exercise's name (STORED_SET_SELECT). */
export interface StoredSetRow extends SetRow {
  batch_id: number;
  exercise_name: string;
}

/** SELECT … FROM sets s JOIN exercises e: add a WHERE and an ORDER BY. */
export const STORED_SET_SELECT = `SELECT s.id, s.uid, s.batch_id, s.exercise_id, e.name AS exercise_name, s.date, s.session, s.set_number,
       s.reps, s.seconds, s.load_kind, s.load_value, s.load_unit, s.rpe, s.pain, s.note, s.source
  FROM sets s JOIN exercises e ON e.id = s.exercise_id`;

export function toStoredSet(row: StoredSetRow): StoredSet {
  return { ...toLoggedSet(row), batchId: row.batch_id, exerciseName: row.exercise_name };
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
