// Estimated one-repetition maximum. Pure.
import type { SessionSet } from './types.js';
import { externalKg } from './units.js';

/**
 * Reynolds 2006 (JSCR 20:584): 1RM equations are trustworthy only from sets of 10 reps or fewer,
 * so no estimate is made from longer sets.
 */
export const MAX_REPS_FOR_E1RM = 10;

/**
 * The Epley estimate w·(1 + r/30) for `reps` at `weight`; a single rep is the weight itself.
 * Null above 10 reps (Reynolds 2006). The database's index computes the same expression, in the
 * same order of operations, so both give identical numbers (migrations/0002-….sql).
 */
export function epley(weight: number, reps: number): number | null {
  if (!Number.isInteger(reps) || reps < 1 || reps > MAX_REPS_FOR_E1RM) return null;
  return reps === 1 ? weight : weight * (1 + reps / 30);
}

/**
 * The best estimated 1RM in kg of the external load among `sets` (timed holds and sets of more than
 * 10 reps give none), or null when none gives an estimate above 0.
 */
export function bestE1rmKg(sets: readonly SessionSet[]): number | null {
  let best: number | null = null;
  for (const set of sets) {
    if (set.reps === null) continue;
    const estimate = epley(externalKg(set.load), set.reps);
    if (estimate !== null && estimate > 0 && (best === null || estimate > best)) best = estimate;
  }
  return best;
}
