// Reads what milestones are derived from: index lookups for each exercise (first session, heaviest
// load, best e1RM, the session at each due review: one statement each for all the exercises; the
// first day each reached mark was reached), the body weight, and one bounded range (the training
// days of the last 13 weeks). Then the pure core derives the milestones. Shared by `rehab next`
// and `rehab milestones`.
import { BodyweightRepository } from '../db/bodyweight-repository.js';
import { MilestoneRepository } from '../db/milestone-repository.js';
import {
  consistencyWindowStart,
  deriveMilestones,
  marksToDate,
  reviewSchedule,
  wantsE1rmBaseline,
  type ExerciseFacts,
  type Milestone,
} from '../domain/milestones.js';
import type { Exercise, Session, Unit } from '../domain/types.js';
import type { RehabLog } from './open-log.js';

/**
 * Every milestone of these exercises (and the log's reviews and consistency) as of `date`. The
 * per-exercise figures of a review are read only while it still shows (not acknowledged), unless
 * `includeAcknowledged` (`rehab milestones --all`): they are a lookup per exercise per review.
 * `displayUnit` (`--units`) is the unit the messages write weights in.
 */
export function loadMilestones(
  log: RehabLog,
  exercises: readonly Exercise[],
  date: string,
  { includeAcknowledged = false, displayUnit }: { includeAcknowledged?: boolean; displayUnit?: Unit } = {},
): Milestone[] {
  const repository = log.repository(MilestoneRepository);
  const bodyweight = log.repository(BodyweightRepository).latestOnOrBefore(date) ?? null;
  const firstLogDate = repository.firstLogDate(date);
  const acknowledged = repository.acknowledged();
  const dueReviews = (firstLogDate === null ? [] : reviewSchedule(firstLogDate)).filter(
    (review) => review.date <= date && (includeAcknowledged || !acknowledged.has(review.id)),
  );

  const ids = exercises.map((exercise) => exercise.id);
  const firsts = repository.firstSessions(ids, date);
  const heaviest = repository.heaviest(ids, date);
  const best = repository.bestE1rm(ids, date);
  // The first session with an estimate only where the marks need it and a set with one exists, so the walk to it stops.
  const wanted = exercises
    .filter((exercise, index) => {
      const bestE1rm = best[index] ?? null;
      return bestE1rm !== null && bestE1rm.kg > 0 && wantsE1rmBaseline({ settings: exercise.settings, first: firsts[index] ?? null });
    })
    .map((exercise) => exercise.id);
  const withE1rm = repository.firstE1rmSessions(wanted, date);
  const firstsWithE1rm = new Map(wanted.map((id, index) => [id, withE1rm[index] ?? null]));
  const known = exercises.map((exercise, index) => ({
    exercise,
    name: exercise.name,
    settings: exercise.settings,
    first: firsts[index] ?? null,
    firstWithE1rm: firstsWithE1rm.get(exercise.id) ?? null,
    heaviest: heaviest[index] ?? null,
    bestE1rm: best[index] ?? null,
  }));

  // The session at each due review of each exercise begun by then, read in one go.
  const points = known.flatMap(({ exercise, first }) =>
    first === null ? [] : dueReviews.filter((review) => review.date >= first.date).map((review) => ({ exerciseId: exercise.id, review: review.id, until: review.date })),
  );
  const sessionsAtPoints = repository.lastSessions(points);
  const atReviewsOf = new Map(exercises.map((exercise) => [exercise.id, new Map<string, Session | null>()]));
  points.forEach((point, index) => atReviewsOf.get(point.exerciseId)?.set(point.review, sessionsAtPoints[index] ?? null));

  const facts = known.map(({ exercise, ...figures }): ExerciseFacts => {
    const reachedOn = new Map<string, string>();
    for (const mark of marksToDate(figures, bodyweight)) {
      const day = repository.firstReaching(exercise.id, mark.metric, mark.targetKg, date);
      if (day !== null) reachedOn.set(mark.id, day);
    }
    return { ...figures, reachedOn, atReviews: atReviewsOf.get(exercise.id) ?? new Map() };
  });

  return deriveMilestones({
    today: date,
    exercises: facts,
    firstLogDate,
    trainingDates: repository.trainingDates(consistencyWindowStart(date), date),
    bodyweight,
    acknowledged,
    displayUnit,
  });
}
