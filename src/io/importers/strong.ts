// Strong's CSV exports (research/import-formats.md), three layouts:
// 1. `Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes[;Workout Duration]`
// 2. `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE` (no unit)
// 3. `Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes`
//    (imperial: `Weight (lbs)`, `Distance (miles)`)
// `Set Order` is a number, W (warm-up), D (drop set), F (failure) or `Rest Timer` (not a set).
import type { Unit } from '../../domain/types.js';
import type { Columns } from './columns.js';
import { CellError, quote, readAmount, readCount, readDateTime, readDecimal, readNote, readRpe, readName, rememberingLast } from './fields.js';
import { ForeignSetBuilder } from './foreign-set.js';
import { readUnit, type ReaderOptions } from './reader-options.js';
import type { Layout, RowOutcome, RowReader } from './types.js';

const REQUIRED = ['Date', 'Exercise Name', 'Set Order', 'Reps'];

/** Whether a header is Strong's: it names its exercises `Exercise Name` and has a `Set Order`. */
export function looksLikeStrong(columns: Columns): boolean {
  return columns.has('Exercise Name') && columns.has('Set Order');
}

/** The columns a Strong header lacks, for the message when `--from strong` does not fit. */
export function missingStrongColumns(columns: Columns): string[] {
  const missing = columns.missing(REQUIRED);
  if (!['Weight', 'Weight (kg)', 'Weight (lbs)'].some((name) => columns.has(name))) missing.push('Weight');
  return missing;
}

/** A reader for a Strong header (already known to be complete). */
export function strongReader(columns: Columns, options: ReaderOptions): RowReader {
  const weightColumn = columns.has('Weight (kg)') ? 'Weight (kg)' : columns.has('Weight (lbs)') ? 'Weight (lbs)' : 'Weight';
  const layout: Layout = columns.has('Weight Unit')
    ? { format: 'strong', id: '1', description: 'layout 1, with a Weight Unit column' }
    : weightColumn === 'Weight'
      ? { format: 'strong', id: '2', description: 'layout 2, no unit column' }
      : { format: 'strong', id: '3', description: `layout 3, weights in ${weightColumn === 'Weight (kg)' ? 'kg' : 'lb'}` };
  const units = options.units;
  const builder = new ForeignSetBuilder('strong');
  const number = { decimalComma: options.delimiter !== ',' };
  const distance = distanceColumn(columns);
  const readWhen = rememberingLast(readDateTime);
  const readExerciseName = rememberingLast(readName);

  const unitOf = (fields: readonly string[], weighted: boolean): Unit => {
    if (weightColumn === 'Weight (kg)') return 'kg';
    if (weightColumn === 'Weight (lbs)') return 'lb';
    if (layout.id === '1') {
      const stated = readUnit(columns.cell(fields, 'Weight Unit'), 'Weight Unit');
      if (stated !== null) return stated;
    }
    return units.fallback(weighted);
  };

  return {
    layout,
    width: columns.header.length,
    readFields(fields: string[], line: number): RowOutcome {
      try {
        const setOrder = columns.cell(fields, 'Set Order').trim();
        const marker = setOrder.toUpperCase();
        if (marker === 'REST TIMER') return { kind: 'skip', reason: 'restTimer' };
        if (marker === 'W') return { kind: 'skip', reason: 'warmup' };
        if (!(marker === 'D' || marker === 'F' || marker === '' || /^\d+$/.test(marker))) {
          throw new CellError(`Set Order ${quote(setOrder)} is not a set number, W, D, F or Rest Timer`);
        }
        const exerciseName = readExerciseName(columns.cell(fields, 'Exercise Name'), 'Exercise Name');
        const weight = readDecimal(columns.cell(fields, weightColumn), weightColumn, number);
        return builder.build({
          line,
          when: readWhen(columns.cell(fields, 'Date'), 'Date'),
          exerciseName,
          setOrder,
          weight,
          unit: unitOf(fields, weight !== null && weight !== 0),
          reps: readCount(columns.cell(fields, 'Reps'), 'Reps', number),
          seconds: readAmount(columns.cell(fields, 'Seconds'), 'Seconds', number),
          distance: readAmount(columns.cell(fields, distance), 'Distance', number),
          rpe: readRpe(columns.cell(fields, 'RPE'), 'RPE', number),
          note: readNote(columns.cell(fields, 'Notes')),
        });
      } catch (error) {
        if (error instanceof CellError) return { kind: 'invalid', problem: { line, reason: error.message } };
        throw error;
      }
    },
  };
}

function distanceColumn(columns: Columns): string {
  return ['Distance', 'Distance (meters)', 'Distance (miles)', 'Distance (km)'].find((name) => columns.has(name)) ?? 'Distance';
}
