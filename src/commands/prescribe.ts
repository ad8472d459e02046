import { CheckinRepository } from '../db/checkin-repository.js';
import { addDaysIso } from '../domain/calendar.js';
import { suggestNames } from '../domain/exercise-names.js';
import { prescribeNext } from '../domain/progression.js';
import type { Exercise, Prescription, Session, Unit } from '../domain/types.js';
import { usageError } from '../errors.js';
import type { RehabLog } from './open-log.js';

/**
 * How many recent sessions of an exercise the rules read. The rules look back at most three
 * failed sessions and two weeks of pain; 12 sessions covers both with room to spare, and keeps
 * `rehab next` as fast at a million sets as at a thousand.
 */
export const SESSIONS_THE_RULES_READ = 12;

/**
 * How many days of check-ins before the oldest session the rules read are passed with it
 * [design]: the last check-in before a session (has the pain settled back to it?) and two weeks
 * of weekly averages fit in 21 days.
 */
export const CHECKIN_DAYS_BEFORE_SESSIONS = 21;

/** The prescription for an exercise's next session as of `date`, from the log. */
export function prescribeFromLog(log: RehabLog, exercise: Exercise, date: string): Prescription {
  return prescribeEach(log, [exercise], date)[0] as Prescription;
}

/**
 * The prescription for each exercise's next session as of `date`: the log read in two statements
 * for all of them. `displayUnit` (`--units`) is the unit the reasons write loads in.
 */
export function prescribeEach(log: RehabLog, exercises: readonly Exercise[], date: string, displayUnit?: Unit): Prescription[] {
  const sessionsOf = log.sets.recentSessions(
    exercises.map((exercise) => exercise.id),
    date,
    SESSIONS_THE_RULES_READ,
  );
  const froms = sessionsOf.map((sessions) => checkinsFrom(sessions, date));
  const checkins = froms.length === 0 ? [] : log.repository(CheckinRepository).between(froms.reduce((a, b) => (a < b ? a : b)), date);
  return exercises.map((exercise, index) =>
    prescribeNext({
      settings: exercise.settings,
      sessions: sessionsOf[index] ?? [],
      // Each exercise is given the check-ins of its own period, as if read for it alone.
      checkins: checkins.filter((checkin) => checkin.date >= (froms[index] ?? date)),
      today: date,
      defaultUnit: log.units,
      displayUnit,
    }),
  );
}

/**
 * The first day of the check-ins the rules need for these sessions: 21 days before the oldest (or
 * before `date`, with none). Up to `date`, one per day: an indexed range, as fast in a long log as in a new one.
 */
function checkinsFrom(sessions: Session[], date: string): string {
  const oldest = sessions[0]?.date ?? date;
  return addDaysIso(oldest < date ? oldest : date, -CHECKIN_DAYS_BEFORE_SESSIONS);
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
