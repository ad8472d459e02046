import type { SetCorrectionRepository } from '../db/set-correction-repository.js';
import type { StoredSet } from '../db/stored-set.js';
import type { Exercise, Prescription } from '../domain/types.js';
import { InternalError, usageError } from '../errors.js';
import type { RehabLog } from './open-log.js';
import { prescribeFromLog } from './prescribe.js';

/** The set `reference` names (short id or uid), or a usage error naming it. */
export function findSet(corrections: SetCorrectionRepository, reference: string): StoredSet {
  const set = corrections.find(reference);
  if (set === undefined) {
    throw usageError(`No set has the id "${reference}".`, 'Run `rehab history` to see the ids of your sets.');
  }
  return set;
}

/** The exercise a stored set belongs to (sets cannot outlive their exercise). */
export function exerciseOf(log: RehabLog, set: StoredSet): Exercise {
  const exercise = log.exercises.findById(set.exerciseId);
  if (exercise === undefined) throw new InternalError(`Exercise ${set.exerciseId} of set ${set.id} does not exist.`);
  return exercise;
}

/** The next prescription of the exercise a corrected set belongs to, as of today. */
export function nextAfterCorrection(log: RehabLog, set: StoredSet, today: string): Prescription {
  return prescribeFromLog(log, exerciseOf(log, set), today);
}
