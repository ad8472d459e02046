// Body weight: what `rehab bodyweight` records, and what it adds to a `bw` load. Pure.
import type { Load, Unit } from './types.js';
import { convert, tidy } from './units.js';

/** A body weight as entered (an external load: `82.5 kg`, `180 lb`) and the day it was weighed. */
export interface DatedBodyweight {
  date: string;
  load: Extract<Load, { kind: 'external' }>;
}

/**
 * The body weight in force on `date`: the latest of `weights` (sorted oldest first) on or before
 * it, or undefined when none is that old.
 */
export function bodyweightOn(weights: readonly DatedBodyweight[], date: string): DatedBodyweight | undefined {
  // A binary search: `rehab history` asks this for every day of a log that may span a century.
  let low = 0;
  let high = weights.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((weights[middle] as DatedBodyweight).date <= date) low = middle + 1;
    else high = middle;
  }
  return weights[low - 1];
}

/**
 * The whole weight moved by a `bw` load, in `unit`: body weight plus what was added (or minus the
 * assistance). `bw + 10 kg` at 80 kg body weight → 90.
 */
export function bodyweightTotal(load: Extract<Load, { kind: 'bodyweight' }>, bodyweight: DatedBodyweight['load'], unit: Unit): number {
  return tidy(convert(bodyweight.value, bodyweight.unit, unit) + convert(load.added, load.unit, unit));
}
