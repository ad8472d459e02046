// From rows to sessions, once every row has its exercise: pure. Another app's rows make one
// session per exercise per workout, numbered through the day in time order, with their sets
// numbered in file order. rehab's own rows keep their session and set numbers.
import type { ImportedSet } from './types.js';

/** One session-to-be: which exercise, which day, and the session number rehab's file gave it. */
export interface PlannedGroup {
  exerciseId: number;
  date: string;
  /** rehab rows: the exported session number (kept unless the log already uses it); else null. */
  proposedSession: number | null;
}

/**
 * The groups, and for each row (by its index in the rows given) its group and set number, and
 * the order to store rows in. Typed arrays rather than an object per row: an import of a million
 * rows holds the rows once.
 */
export interface ImportPlan {
  groups: PlannedGroup[];
  /** Row index → index into `groups`. */
  groupOf: Uint32Array;
  /** Row index → set number within its session. */
  setNumbers: Uint32Array;
  /** Row indexes in the order they are stored. */
  order: Uint32Array;
}

/**
 * Groups `sets` into sessions. `exerciseIdOf` gives each row's exercise (two names mapped to one
 * exercise in one workout make one session). Another app's sessions are ordered by date, then
 * workout start, so that a day's second workout is session 2 even in a newest-first file; rehab's
 * rows are stored in file order.
 */
export function planSessions(sets: readonly ImportedSet[], exerciseIdOf: (set: ImportedSet) => number): ImportPlan {
  const groups: PlannedGroup[] = [];
  const groupOf = new Uint32Array(sets.length);
  const setNumbers = new Uint32Array(sets.length);
  const sizes: number[] = [];
  const firstRow: number[] = [];
  const byKey = new Map<string, number>();
  let foreign = false;
  // Rows of one group mostly come together: the last row's group is tried first.
  let last: { exerciseId: number; date: string; workout: string; group: number } | undefined;
  sets.forEach((set, index) => {
    const exerciseId = exerciseIdOf(set);
    let group: number | undefined;
    if (last !== undefined && last.exerciseId === exerciseId && last.date === set.date && last.workout === set.workout) {
      group = last.group;
    } else {
      const key = `${exerciseId}\u0000${set.date}\u0000${set.workout}`;
      group = byKey.get(key);
      if (group === undefined) {
        group = groups.length;
        byKey.set(key, group);
        groups.push({ exerciseId, date: set.date, proposedSession: set.session });
        sizes.push(0);
        firstRow.push(index);
      }
      last = { exerciseId, date: set.date, workout: set.workout, group };
    }
    sizes[group]! += 1;
    groupOf[index] = group;
    setNumbers[index] = set.setNumber ?? sizes[group]!;
    if (set.session === null) foreign = true;
  });

  const order = new Uint32Array(sets.length);
  if (!foreign) {
    order.forEach((_, index) => (order[index] = index));
    return { groups, groupOf, setNumbers, order };
  }
  // Sessions in time order (the workout key sorts as time), then as first seen; rows in file
  // order within each.
  const workout = (group: number): string => sets[firstRow[group]!]!.workout;
  const rank = groups.map((_, index) => index);
  rank.sort((a, b) => compare(groups[a]!.date, groups[b]!.date) || compare(workout(a), workout(b)) || firstRow[a]! - firstRow[b]!);
  const start = new Uint32Array(groups.length);
  let offset = 0;
  for (const group of rank) {
    start[group] = offset;
    offset += sizes[group]!;
  }
  sets.forEach((_, index) => {
    const group = groupOf[index]!;
    order[start[group]! + setNumbers[index]! - 1] = index;
  });
  return { groups, groupOf, setNumbers, order };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
