// FitNotes' CSV exports (research/import-formats.md), three layouts:
// 1. Android, older: `Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time[,Comment]` (or `Weight (lbs)`)
// 2. Android, newer: `Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment`
// 3. iOS: `Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,Notes,Kind`
// Dates are YYYY-MM-DD with no time, so one exercise's sets of a day are one session.
import type { Unit } from '../../domain/types.js';
import type { Columns } from './columns.js';
import { CellError, readCount, readDateTime, readDecimal, readDuration, readAmount, readNote, readName, rememberingLast } from './fields.js';
import { ForeignSetBuilder } from './foreign-set.js';
import { readUnit, type ReaderOptions, type UnitSource } from './reader-options.js';
import type { Layout, RowOutcome, RowReader } from './types.js';

const REQUIRED = ['Date', 'Exercise', 'Category', 'Reps'];
const WEIGHT_COLUMNS = ['Weight (kgs)', 'Weight (kg)', 'Weight (lbs)', 'Weight'];

/** Whether a header is FitNotes': `Exercise` and `Category` (Strong says `Exercise Name`). */
export function looksLikeFitNotes(columns: Columns): boolean {
  return columns.has('Exercise') && columns.has('Category');
}

/** The columns a FitNotes header lacks, for the message when `--from fitnotes` does not fit. */
export function missingFitNotesColumns(columns: Columns): string[] {
  const missing = columns.missing(REQUIRED);
  if (!WEIGHT_COLUMNS.some((name) => columns.has(name))) missing.push('Weight (kgs)');
  if (columns.has('Weight') && !columns.has('Weight Unit')) missing.push('Weight Unit');
  return missing;
}

/** A reader for a FitNotes header (already known to be complete). */
export function fitNotesReader(columns: Columns, options: ReaderOptions): RowReader {
  const layout: Layout =
    columns.has('Weight (kg)') && columns.has('Weight (lbs)')
      ? { format: 'fitnotes', id: '3', description: 'layout 3, iOS, weights in kg and lb' }
      : columns.has('Weight Unit')
        ? { format: 'fitnotes', id: '2', description: 'layout 2, Android, with a Weight Unit column' }
        : { format: 'fitnotes', id: '1', description: `layout 1, Android, weights in ${columns.has('Weight (lbs)') ? 'lb' : 'kg'}` };
  const builder = new ForeignSetBuilder('fitnotes');
  const number = { decimalComma: options.delimiter !== ',' };
  const readWhen = rememberingLast(readDateTime);
  const readExerciseName = rememberingLast(readName);
  const weightOf = weightReader(columns, layout, options.units, number);

  return {
    layout,
    width: columns.header.length,
    readFields(fields: string[], line: number): RowOutcome {
      try {
        if (/warm/i.test(columns.cell(fields, 'Kind'))) return { kind: 'skip', reason: 'warmup' };
        const exerciseName = readExerciseName(columns.cell(fields, 'Exercise'), 'Exercise');
        const { weight, unit } = weightOf(fields);
        return builder.build({
          line,
          when: readWhen(columns.cell(fields, 'Date'), 'Date'),
          exerciseName,
          setOrder: '',
          weight,
          unit,
          reps: readCount(columns.cell(fields, 'Reps'), 'Reps', number),
          seconds: readDuration(columns.cell(fields, 'Time'), 'Time'),
          distance: readAmount(columns.cell(fields, 'Distance'), 'Distance', number),
          rpe: null,
          note: readNote(columns.cell(fields, columns.has('Comment') ? 'Comment' : 'Notes')),
          cardio: /^cardio$/i.test(columns.cell(fields, 'Category').trim()),
        });
      } catch (error) {
        if (error instanceof CellError) return { kind: 'invalid', problem: { line, reason: error.message } };
        throw error;
      }
    },
  };
}

type WeightReader = (fields: readonly string[]) => { weight: number | null; unit: Unit };

function weightReader(columns: Columns, layout: Layout, units: UnitSource, number: { decimalComma: boolean }): WeightReader {
  if (layout.id === '2') {
    return (fields) => {
      const weight = readDecimal(columns.cell(fields, 'Weight'), 'Weight', number);
      const unit = readUnit(columns.cell(fields, 'Weight Unit'), 'Weight Unit') ?? units.fallback(weight !== null && weight !== 0);
      return { weight, unit };
    };
  }
  if (layout.id === '1') {
    const column = WEIGHT_COLUMNS.find((name) => columns.has(name)) ?? 'Weight (kgs)';
    const unit: Unit = column === 'Weight (lbs)' ? 'lb' : 'kg';
    return (fields) => ({ weight: readDecimal(columns.cell(fields, column), column, number), unit });
  }
  // iOS gives the weight in both units, one of them converted. Keep the one the user entered:
  // the one on a plate or dumbbell step (a multiple of 0.25), e.g. 20 kg rather than 44.0925 lb.
  return (fields) => {
    const kg = readDecimal(columns.cell(fields, 'Weight (kg)'), 'Weight (kg)', number);
    const lb = readDecimal(columns.cell(fields, 'Weight (lbs)'), 'Weight (lbs)', number);
    if (kg === null || kg === 0) return lb === null || lb === 0 ? { weight: kg ?? lb, unit: units.forNoWeight() } : { weight: lb, unit: 'lb' };
    if (lb === null || lb === 0) return { weight: kg, unit: 'kg' };
    const kgRound = isOnStep(kg);
    const lbRound = isOnStep(lb);
    if (units.explicit === undefined && kgRound !== lbRound) return kgRound ? { weight: kg, unit: 'kg' } : { weight: lb, unit: 'lb' };
    const unit = units.fallback(true);
    return unit === 'kg' ? { weight: kg, unit } : { weight: lb, unit };
  };
}

function isOnStep(value: number): boolean {
  return Math.abs(value * 4 - Math.round(value * 4)) < 1e-9;
}
