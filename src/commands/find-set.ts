import type { SetCorrectionRepository } from '../db/set-correction-repository.js';
import type { StoredSet } from '../db/stored-set.js';
import type { Exercise, Prescription } from '../domain/types.js';
import { InternalError, usageError } from '../errors.js';
import { askSet } from '../io/pick-questions.js';
import type { Prompter } from '../io/prompts.js';
import type { RunContext } from './context.js';
import { sayNoticesBeforeAsking, type RehabLog } from './open-log.js';
import { prescribeFromLog } from './prescribe.js';

/** How many of the latest sets `rehab delete` and `rehab edit` offer without an id [design: a screen of them]. */
const SETS_OFFERED = 15;

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

/** On a terminal, the set picked from the latest ones (`message` asks); a usage error when the log has none. */
export async function pickLatestSet(
  log: RehabLog,
  corrections: SetCorrectionRepository,
  prompter: Prompter,
  context: RunContext,
  message: string,
): Promise<StoredSet> {
  const latest = corrections.latest(SETS_OFFERED);
  if (latest.length === 0) throw usageError('The log has no sets yet.', 'Record one with `rehab log`.');
  sayNoticesBeforeAsking(log, prompter);
  return askSet(prompter, latest, context, message);
}
