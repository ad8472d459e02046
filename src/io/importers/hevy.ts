// Hevy's CSV export (research/import-formats.md):
// `title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe`
// (imperial: `weight_lbs`, `distance_miles`). Dates like `13 Mar 2026, 15:22`; `set_index` counts
// from 0; `set_type` is normal, warmup, dropset or failure.
import type { Columns } from './columns.js';
import { CellError, quote, readAmount, readCount, readDateTime, readDecimal, readNote, readRpe, readName, rememberingLast } from './fields.js';
import { ForeignSetBuilder } from './foreign-set.js';
import type { ReaderOptions } from './reader-options.js';
import type { RowOutcome, RowReader } from './types.js';

const REQUIRED = ['start_time', 'exercise_title', 'set_index', 'set_type', 'reps'];
const SET_TYPES = new Set(['normal', 'dropset', 'failure']);

/** Whether a header is Hevy's: snake_case `exercise_title` and `set_type`. */
export function looksLikeHevy(columns: Columns): boolean {
  return columns.has('exercise_title') && columns.has('set_type');
}

/** The columns a Hevy header lacks, for the message when `--from hevy` does not fit. */
export function missingHevyColumns(columns: Columns): string[] {
  const missing = columns.missing(REQUIRED);
  if (!columns.has('weight_kg') && !columns.has('weight_lbs')) missing.push('weight_kg');
  return missing;
}

/** A reader for a Hevy header (already known to be complete). */
export function hevyReader(columns: Columns, options: ReaderOptions): RowReader {
  const imperial = !columns.has('weight_kg');
  const weightColumn = imperial ? 'weight_lbs' : 'weight_kg';
  const distanceColumn = columns.has('distance_km') ? 'distance_km' : 'distance_miles';
  const builder = new ForeignSetBuilder('hevy');
  const number = { decimalComma: options.delimiter !== ',' };
  const readWhen = rememberingLast(readDateTime);
  const readExerciseName = rememberingLast(readName);
  return {
    layout: { format: 'hevy', id: imperial ? 'lb' : 'kg', description: `weights in ${imperial ? 'lb' : 'kg'}` },
    width: columns.header.length,
    readFields(fields: string[], line: number): RowOutcome {
      try {
        const setType = columns.cell(fields, 'set_type').trim().toLowerCase();
        if (setType === 'warmup') return { kind: 'skip', reason: 'warmup' };
        if (setType !== '' && !SET_TYPES.has(setType)) {
          throw new CellError(`set_type ${quote(setType)} is not normal, warmup, dropset or failure`);
        }
        const setIndex = columns.cell(fields, 'set_index');
        readCount(setIndex, 'set_index');
        const exerciseName = readExerciseName(columns.cell(fields, 'exercise_title'), 'exercise_title');
        return builder.build({
          line,
          when: readWhen(columns.cell(fields, 'start_time'), 'start_time'),
          exerciseName,
          setOrder: setIndex,
          weight: readDecimal(columns.cell(fields, weightColumn), weightColumn, number),
          unit: imperial ? 'lb' : 'kg',
          reps: readCount(columns.cell(fields, 'reps'), 'reps', number),
          seconds: readAmount(columns.cell(fields, 'duration_seconds'), 'duration_seconds', number),
          distance: readAmount(columns.cell(fields, distanceColumn), distanceColumn, number),
          rpe: readRpe(columns.cell(fields, 'rpe'), 'rpe', number),
          note: readNote(columns.cell(fields, 'exercise_notes')),
        });
      } catch (error) {
        if (error instanceof CellError) return { kind: 'invalid', problem: { line, reason: error.message } };
        throw error;
      }
    },
  };
}
