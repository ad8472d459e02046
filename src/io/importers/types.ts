// src/io/importers/: reading other apps' exports (and rehab's own) into typed rows. The readers
// here are pure: text in, rows and problems out. read-input.ts is the one module that touches a
// stream; src/commands/import.ts resolves names and writes.
import type { Load } from '../../domain/types.js';

/** The apps whose exports rehab reads. */
export type ImportFormat = 'rehab' | 'strong' | 'hevy' | 'fitnotes';

/** `--from`: a format, or `auto` to recognise it from the header row. */
export type FormatChoice = ImportFormat | 'auto';

/** What people call each format in messages. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  rehab: 'rehab',
  strong: 'Strong',
  hevy: 'Hevy',
  fitnotes: 'FitNotes',
};

/** Which of a format's known layouts a file has, e.g. Strong's `2`, or rehab's `jsonl`. */
export interface Layout {
  format: ImportFormat;
  id: string;
  description: string;
}

/** One set read from a file, ready to be given an exercise and stored. */
export interface ImportedSet {
  /** Where the row is in the file (1-based; for a JSON array, the line its object starts on). */
  line: number;
  /** rehab's own id for a rehab row; a hash of the row's content for another app's row. */
  uid: string;
  /** The exercise name as the file has it (trimmed, spaces collapsed). */
  exerciseName: string;
  /** YYYY-MM-DD */
  date: string;
  /**
   * What tells one workout of the day from another: the workout's start (`2026-03-13T15:22:00`),
   * the date alone when the app records none (FitNotes), or `session N` for rehab's own rows.
   */
  workout: string;
  /** rehab rows: the session and set number as exported; null for other apps (numbered on import). */
  session: number | null;
  setNumber: number | null;
  reps: number | null;
  seconds: number | null;
  /** Exactly as in the file, with its unit: 100 lb stays 100 lb. */
  load: Load;
  rpe: number | null;
  pain: number | null;
  note: string | null;
  /** 'import:strong' and the like; a rehab row keeps the source it was exported with. */
  source: string;
}

/** Why a row that is not an error was left out. */
export type SkipReason = 'warmup' | 'restTimer' | 'cardio' | 'empty';

/** How the report names each reason. */
export const SKIP_REASON_NAMES: Record<SkipReason, string> = {
  warmup: 'warm-up',
  restTimer: 'rest timer',
  cardio: 'cardio',
  empty: 'no reps or time',
};

/** A row that cannot be imported, and why, in words the user can act on. */
export interface RowProblem {
  line: number;
  reason: string;
}

/** What became of one row. */
export type RowOutcome =
  | { kind: 'set'; set: ImportedSet }
  | { kind: 'skip'; reason: SkipReason }
  | { kind: 'invalid'; problem: RowProblem };

/**
 * Reads the rows of one file, a row at a time, after its header was recognised. Stateful (it
 * numbers the rows of each workout, and remembers rehab ids already seen), so one per file.
 */
export interface RowReader {
  layout: Layout;
  /** How many fields each row must have: the header's, without trailing empty columns. */
  width: number;
  /** One CSV row, already checked to have `width` fields. */
  readFields(fields: string[], line: number): RowOutcome;
}
