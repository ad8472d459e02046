// Reads what milestones are derived from: a handful of index lookups per exercise (first session,
// heaviest load, best e1RM, the first day each reached mark was reached, the session at each due
// review), the body weight, and one bounded range (the training days of the last 13 weeks). Then
// the pure core derives the milestones. Shared by `rehab next` and `rehab milestones`.
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
import type { Exercise, Session } from '../domain/types.js';
import type { RehabLog } from './open-log.js';

/**
 * Every milestone of these exercises (and the log's reviews and consistency) as of `date`. The
 * per-exercise figures of a review are read only while it still shows (not acknowledged), unless
 * `includeAcknowledged` (`rehab milestones --all`): they are one query per exercise per review.
 */
export function loadMilestones(log: RehabLog, exercises: readonly Exercise[], date: string, { includeAcknowledged = false } = {}): Milestone[] {
  const repository = log.repository(MilestoneRepository);
  const bodyweight = log.repository(BodyweightRepository).latestOnOrBefore(date) ?? null;
  const firstLogDate = repository.firstLogDate(date);
  const acknowledged = repository.acknowledged();
  const dueReviews = (firstLogDate === null ? [] : reviewSchedule(firstLogDate)).filter(
    (review) => review.date <= date && (includeAcknowledged || !acknowledged.has(review.id)),
  );

  const known = exercises.map((exercise) => {
    const first = repository.firstSession(exercise.id, date);
    const heaviest = first && repository.heaviest(exercise.id, date);
    const bestE1rm = first && repository.bestE1rm(exercise.id, date);
    // Only when the marks need it, and a set with an estimate exists, so the walk to the first one stops.
    const wanted = bestE1rm !== null && bestE1rm.kg > 0 && wantsE1rmBaseline({ settings: exercise.settings, first });
    const firstWithE1rm = wanted ? repository.firstE1rmSession(exercise.id, date) : null;
    return { exercise, name: exercise.name, settings: exercise.settings, first, firstWithE1rm, heaviest, bestE1rm };
  });

  // The session at each due review of each exercise begun by then, read in one go.
  const points = known.flatMap(({ exercise, first }) =>
    first === null ? [] : dueReviews.filter((review) => review.date >= first.date).map((review) => ({ exerciseId: exercise.id, review: review.id, until: review.date })),
  );
  const sessionsAtPoints = repository.sessionsAt(points);

  const facts = known.map(({ exercise, ...figures }): ExerciseFacts => {
    const reachedOn = new Map<string, string>();
    for (const mark of marksToDate(figures, bodyweight)) {
      const day = repository.firstReaching(exercise.id, mark.metric, mark.targetKg, date);
      if (day !== null) reachedOn.set(mark.id, day);
    }
    const atReviews = new Map<string, Session | null>();
    points.forEach((point, index) => {
      if (point.exerciseId === exercise.id) atReviews.set(point.review, sessionsAtPoints[index] ?? null);
    });
    return { ...figures, reachedOn, atReviews };
  });

  return deriveMilestones({
    today: date,
    exercises: facts,
    firstLogDate,
    trainingDates: repository.trainingDates(consistencyWindowStart(date), date),
    bodyweight,
    acknowledged,
  });
}
