// Settings for an exercise that first appears in an import, guessed from its name and its rows.
// Pure. Everything guessed here can be changed later with `rehab exercise set`.
import { defaultSettings } from './exercise-defaults.js';
import type { Equipment, ExerciseSettings, MovementPattern, Unit } from './types.js';

/** What the rows of one imported exercise look like. */
export interface ImportedRowsSummary {
  /** Rows with a weight other than none: held, added to the body, or assisting. */
  weighted: number;
  /** Rows with a held (external) weight above zero. */
  external: number;
  /** Rows held for seconds rather than counted in reps. */
  timed: number;
  /** All rows. */
  total: number;
  /** The unit of the first weighted row, if any. */
  unit: Unit | null;
}

/**
 * Equipment from the app's naming convention, `Squat (Barbell)`, `Curl (Dumbbell)`; a name that
 * does not say is a barbell when weights were held and bodyweight when not.
 */
export function guessEquipment(name: string, heldWeight: boolean): Equipment {
  const lower = name.toLowerCase();
  if (/\bbarbell\b|\(ez bar\)|\(trap bar\)/.test(lower)) return 'barbell';
  if (/\bdumbbells?\b/.test(lower)) return 'dumbbell';
  if (/\bkettlebells?\b/.test(lower)) return 'kettlebell';
  if (/\((?:machine|cable|smith machine|lever|plate loaded|band)\)/.test(lower)) return 'machine';
  if (/\((?:bodyweight|assisted|weighted)\)/.test(lower)) return 'bodyweight';
  return heldWeight ? 'barbell' : 'bodyweight';
}

/** The movement pattern from common exercise names; `other` when the name does not say. */
export function guessPattern(name: string): MovementPattern {
  const lower = name.toLowerCase();
  if (/squat|lunge|step[- ]?up/.test(lower)) return 'squat';
  if (/deadlift|\brdl\b|good morning|hinge|swing|back extension|hyperextension/.test(lower)) return 'hinge';
  if (/bridge|hip thrust/.test(lower)) return 'bridge';
  if (/plank|bird[- ]?dog|dead[- ]?bug|crunch|sit[- ]?up|pallof|hollow|ab wheel/.test(lower)) return 'core';
  return 'other';
}

/**
 * Default settings (SPEC §4) for a new exercise called `name` whose imported rows are `rows`:
 * equipment and pattern from the name, seconds when most rows were timed holds, in the unit
 * the rows were logged in (else `logUnits`).
 */
export function importedExerciseSettings(name: string, rows: ImportedRowsSummary, logUnits: Unit): ExerciseSettings {
  const equipment = guessEquipment(name, rows.external > 0);
  const settings = defaultSettings(equipment, rows.unit ?? logUnits);
  return {
    ...settings,
    measure: rows.timed * 2 > rows.total ? 'seconds' : 'reps',
    pattern: guessPattern(name),
  };
}
