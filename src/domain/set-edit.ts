// Correcting one logged set (`rehab edit`): its new values from the old ones and what was asked.
// Pure: no I/O; where the set lands (its session) is the repository's business.
import { usageError } from '../errors.js';
import { parseScheme } from './log-grammar.js';
import type { Load, LoggedSet, Measure, SetValues } from './types.js';
import { amountOf } from './units.js';

/** The values of one set that `rehab edit` can change, as they are stored: its values and its date. */
export interface EditableSet extends SetValues {
  /** YYYY-MM-DD */
  date: string;
}

/** What `rehab edit` was asked to change: an absent field stays as it is, null clears it. */
export interface SetEdit {
  load?: Load;
  /** `--scheme` as typed: one set's reps or seconds (`10`, `x10`, `30s`, `10@8`). */
  scheme?: string;
  rpe?: number | null;
  pain?: number | null;
  /** Already parsed (and not in the future). */
  date?: string;
  note?: string | null;
}

/**
 * `none` (to clear an optional number: `rehab edit --rpe none`) or what `parse` makes of the
 * text. Not null: commander turns a parser's null into ''.
 */
export function clearable(parse: (text: string) => number): (text: string) => number | 'none' {
  return (text) => (text.trim().toLowerCase() === 'none' ? 'none' : parse(text));
}

/** The stored values of a set. */
export function valuesOf(set: LoggedSet): EditableSet {
  return { date: set.date, reps: set.reps, seconds: set.seconds, load: set.load, rpe: set.rpe, pain: set.pain, note: set.note };
}

/**
 * The set's values after `edit`. `measure` is the exercise's (reps or seconds): a `--scheme` in
 * the other measure is a usage error, as in `rehab log`; so is an RPE given both in the scheme
 * (`10@8`) and with `--rpe`, and a scheme of more than one set. An empty `--note` clears the note.
 */
export function applySetEdit(set: LoggedSet, edit: SetEdit, exercise: { name: string; measure: Measure }): EditableSet {
  const values = valuesOf(set);
  if (edit.scheme !== undefined) {
    const one = parseOneSet(edit.scheme);
    if (exercise.measure === 'seconds' && one.kind === 'reps') {
      throw usageError(`${exercise.name} is a timed hold, so --scheme "${edit.scheme}" must be in seconds.`, 'Write it like --scheme 30s.');
    }
    if (exercise.measure === 'reps' && one.kind === 'seconds') {
      throw usageError(`${exercise.name} is counted in reps, not seconds.`, 'Write it like --scheme 10.');
    }
    if (one.rpe !== undefined && edit.rpe !== undefined) {
      throw usageError('The RPE was given twice, in --scheme and with --rpe.', 'Give it once, e.g. `--scheme 10@8` or `--rpe 8`.');
    }
    values.reps = one.kind === 'reps' ? one.count : null;
    values.seconds = one.kind === 'seconds' ? one.count : null;
    if (one.rpe !== undefined) values.rpe = one.rpe;
  }
  if (edit.load !== undefined) values.load = edit.load;
  if (edit.rpe !== undefined) values.rpe = edit.rpe;
  if (edit.pain !== undefined) values.pain = edit.pain;
  if (edit.date !== undefined) values.date = edit.date;
  if (edit.note !== undefined) values.note = edit.note === '' ? null : edit.note;
  return values;
}

/** One set's count as typed for `--scheme`: `10`, `x10`, `1x10`, `30s`, `x30s`, with an optional `@RPE`. */
export function parseOneSet(text: string): { kind: 'reps' | 'seconds'; count: number; rpe?: number } {
  const scheme = parseScheme(text);
  const counts = scheme.kind === 'reps' ? scheme.reps : scheme.seconds;
  const count = counts[0];
  if (counts.length !== 1 || count === undefined) {
    throw usageError(
      `--scheme "${text.trim()}" is ${counts.length} sets, but edit changes one set.`,
      'Give that set’s reps or seconds, as in --scheme 10 or --scheme 30s; to redo a whole session, use `rehab undo` and log it again.',
    );
  }
  return scheme.rpe === undefined ? { kind: scheme.kind, count } : { kind: scheme.kind, count, rpe: scheme.rpe };
}

/** Whether two sets of values are the same (an edit that changes nothing). */
export function sameValues(a: EditableSet, b: EditableSet): boolean {
  return (
    a.date === b.date &&
    a.reps === b.reps &&
    a.seconds === b.seconds &&
    a.load.kind === b.load.kind &&
    a.load.unit === b.load.unit &&
    amountOf(a.load) === amountOf(b.load) &&
    a.rpe === b.rpe &&
    a.pain === b.pain &&
    a.note === b.note
  );
}
