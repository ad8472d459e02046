// What `rehab undo`, `rehab edit` and `rehab delete` print: exactly which sets they removed or
// changed, one line per set, with both of its ids.
import type { Batch } from '../db/batch-repository.js';
import type { RunContext } from '../commands/context.js';
import type { EditableSet } from '../domain/set-edit.js';
import type { Prescription } from '../domain/types.js';
import { loadsInUnit } from './display-units.js';
import { CHUNK_CHARACTERS } from './export-writer.js';
import { formatDay, showLoad } from './format.js';
import { prescriptionScheme } from './render-next.js';

type Context = Pick<RunContext, 'today' | 'displayUnits'>;

/** A set as the corrections show it. */
export interface ShownSet extends EditableSet {
  id: number;
  uid: string;
  exerciseName: string;
  session: number;
  setNumber: number;
}

/** `25 kg × 10 @8  pain 2/10  “felt easy”`: the values of one set. */
export function describeValues(values: EditableSet, context: Context): string {
  const count = values.reps !== null ? `${values.reps}` : `${values.seconds ?? 0} s`;
  const parts = [`${showLoad(values.load, context.displayUnits)} × ${count}${values.rpe !== null ? ` @${values.rpe}` : ''}`];
  if (values.pain !== null) parts.push(`pain ${values.pain}/10`);
  if (values.note !== null && values.note !== '') parts.push(`“${values.note}”`);
  return parts.join('  ');
}

/** `set 2`, or `session 2 set 1` for a day's second session of the exercise. */
export function placeOf(set: Pick<ShownSet, 'session' | 'setNumber'>): string {
  return set.session > 1 ? `session ${set.session} set ${set.setNumber}` : `set ${set.setNumber}`;
}

/** `Tue 24 Nov  Goblet squat  set 2  25 kg × 10  (id 5, uid …)`: one set, fully identified. */
export function describeSet(set: ShownSet, context: Context): string {
  return `${formatDay(set.date, context.today)}  ${set.exerciseName}  ${placeOf(set)}  ${describeValues(set, context)}  (id ${set.id}, uid ${set.uid})`;
}

/** `Next: 25 kg 3×11 (range 8–12), hold.` */
export function describeNext(exerciseName: string, next: Prescription, context: Context): string {
  return `Next ${exerciseName}: ${showLoad(next.load, context.displayUnits)} ${prescriptionScheme(next)}, ${next.action}.`;
}

/**
 * What `rehab undo` removed: the batch, then each set that was left of it, one line each. Given
 * out in pieces of about 64 KB as the sets are read, since an undone import may have a million.
 */
export function* renderUndo(batch: Batch, removed: number, sets: Iterable<ShownSet>, context: Context): Generator<string, void, undefined> {
  const what = batch.kind === 'log' ? 'log' : 'import';
  // A log's summary was written with its loads as logged; an import's names a file and counts.
  const summary = batch.kind === 'log' ? loadsInUnit(batch.summary, context.displayUnits) : batch.summary;
  const heading = `Undid the last ${what}: ${summary}.\n`;
  if (removed === 0) {
    yield `${heading}Nothing of it was left to remove: its sets had all been deleted already. Its record is gone now.\n`;
    return;
  }
  let pending = `${heading}Removed ${removed === 1 ? '1 set' : `${removed} sets`}:\n`;
  for (const set of sets) {
    pending += `  ${describeSet(set, context)}\n`;
    if (pending.length >= CHUNK_CHARACTERS) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/** What `rehab edit` changed: the set before and after. */
export function renderEdit(before: ShownSet, after: ShownSet, next: Prescription, context: Context): string {
  const movedTo = after.date !== before.date || after.session !== before.session || after.setNumber !== before.setNumber;
  const lines = [
    `Edited set ${before.id} of ${before.exerciseName}:`,
    `  before  ${formatDay(before.date, context.today)}  ${describeValues(before, context)}`,
    `  after   ${formatDay(after.date, context.today)}  ${describeValues(after, context)}`,
  ];
  if (movedTo) lines.push(`  It is now ${after.session > 1 ? `session ${after.session} ` : ''}set ${after.setNumber} on ${formatDay(after.date, context.today)}.`);
  lines.push(describeNext(before.exerciseName, next, context));
  return lines.join('\n');
}

/** What `rehab delete` removed. */
export function renderDelete(set: ShownSet, next: Prescription, context: Context): string {
  return [`Deleted ${describeSet(set, context)}`, describeNext(set.exerciseName, next, context)].join('\n');
}
