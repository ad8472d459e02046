import { suggestNames } from '../domain/exercise-names.js';
import { prescribeNext } from '../domain/progression.js';
import type { Exercise, Prescription } from '../domain/types.js';
import { usageError } from '../errors.js';
import type { RehabLog } from './open-log.js';

/**
 * How many recent sessions of an exercise the rules read. The rules look back at most three
 * failed sessions and two weeks of pain; 12 sessions covers both with room to spare, and keeps
 * `rehab next` as fast at a million sets as at a thousand.
 */
export const SESSIONS_THE_RULES_READ = 12;

/** The prescription for an exercise's next session as of `date`, from the log. */
export function prescribeFromLog(log: RehabLog, exercise: Exercise, date: string): Prescription {
  return prescribeNext({
    settings: exercise.settings,
    sessions: log.sets.recentSessions(exercise.id, date, SESSIONS_THE_RULES_READ),
    checkins: [],
    today: date,
    defaultUnit: log.units,
  });
}

/** The exercise with this name or alias, or a usage error that suggests the closest names. */
export function findExercise(log: RehabLog, name: string, hintWhenMissing = 'Run `rehab next` to see the exercises.'): Exercise {
  const found = log.exercises.findByNameOrAlias(name);
  if (found) return found;
  throw unknownExercise(log, name, hintWhenMissing);
}

export function unknownExercise(log: RehabLog, name: string, hintWhenMissing: string) {
  const candidates = log.exercises.list({ includeArchived: false }).flatMap((e) => [e.name, ...e.aliases]);
  const names = suggestNames(name, candidates).map((candidate) => log.exercises.findByNameOrAlias(candidate)?.name ?? candidate);
  const unique = [...new Set(names)];
  const suggestion = unique.length > 0 ? `Did you mean ${unique.join(' or ')}? ` : '';
  return usageError(`No exercise is called "${name}".`, `${suggestion}${hintWhenMissing}`);
}
