// The series `rehab progress` charts: one value per session (or per week, month or year when
// there are more sessions than the chart has columns), the start and the latest value, the best,
// and where each milestone falls on the time line. Pure: sessions, body weights and the display
// unit come in as arguments.

import type { DatedBodyweight } from './bodyweight.js';
import { bodyweightOn } from './bodyweight.js';
import { addDaysIso, dayNumber, daysBetween } from './calendar.js';
import { epley } from './e1rm.js';
import type { Load, Measure, Session, SessionSet, Unit } from './types.js';
import { comparableKg, externalKg, fromKg, toKg } from './units.js';

/**
 * What is charted:
 * - `load`: the heaviest load of each session (for a bodyweight exercise, the load added, so
 *   bw − 20 kg < bw < bw + 10 kg);
 * - `e1rm`: the best estimated 1RM of each session (Epley, sets of 10 reps or fewer, external load);
 * - `volume`: load × reps summed over every set of the session (timed holds: seconds held).
 */
export type ProgressMetric = 'load' | 'e1rm' | 'volume';

/** What one point of the chart stands for. */
export type ProgressBucket = 'session' | 'week' | 'month' | 'year';

export interface ProgressPoint {
  /** The day of the point's (last) session. */
  date: string;
  value: number;
}

export interface ProgressInput {
  metric: ProgressMetric;
  measure: Measure;
  /** The exercise's sessions in the range, oldest first. */
  sessions: readonly Session[];
  /** The unit values are shown in. */
  unit: Unit;
  /** The most points the chart can show: more sessions than this are grouped by week (then month, year). */
  maxPoints: number;
  /** Body weights, oldest first: for the volume of bodyweight sets. */
  bodyweights: readonly DatedBodyweight[];
}

/** The best set (load, e1RM) or the best point (volume). */
export interface ProgressBest {
  date: string;
  value: number;
  /** The set, for `load` and `e1rm`; null for `volume`, whose best is a whole session or week. */
  set: { load: Load; reps: number | null; seconds: number | null } | null;
}

export interface ProgressSeries {
  metric: ProgressMetric;
  /** `kg`, `lb`, or `s` for the volume of timed holds. */
  unit: Unit | 's';
  bucket: ProgressBucket;
  /** How many sessions the points are made of. */
  sessions: number;
  points: ProgressPoint[];
  /** The first point (dated by its first session) and the latest; null when there is none. */
  start: ProgressPoint | null;
  now: ProgressPoint | null;
  /** now − start, in `unit`, the percentage (null when the start is 0 or less) and the days between. */
  change: { value: number; percent: number | null; days: number } | null;
  best: ProgressBest | null;
  /** Whether any set was at bodyweight (its load is then the load added, or body weight plus it for volume). */
  bodyweightSets: boolean;
  /** Whether every set was (a bodyweight exercise). */
  onlyBodyweightSets: boolean;
  /**
   * How bodyweight sets count in `volume` [design]: `total`, body weight plus the load added, when
   * every set is a bodyweight set and a body weight is known; otherwise `added`, the load added
   * only, as for sets with a weight (a squat that went from bodyweight to a dumbbell would
   * otherwise seem to fall when the dumbbell came in); `none` without bodyweight sets or for
   * another metric or a timed hold (its volume is the seconds held).
   */
  bodyweightVolume: 'none' | 'added' | 'total';
}

/**
 * Grouping [design]: a week is Monday to Sunday (ISO); the load and the e1RM of a group are its
 * best, the volume its sum. A group's point is dated by its last session.
 */
const BUCKETS: readonly ProgressBucket[] = ['session', 'week', 'month', 'year'];

/** The series of one exercise for one metric. */
export function progressSeries(input: ProgressInput): ProgressSeries {
  const sessions = input.sessions.filter((session) => session.sets.length > 0);
  const hasBodyweightSets = sessions.some((session) => session.sets.some((set) => set.load.kind === 'bodyweight'));
  const onlyBodyweightSets = sessions.every((session) => session.sets.every((set) => set.load.kind === 'bodyweight'));
  // The volume of a timed hold is the seconds held: the load does not enter it.
  const countsLoadVolume = input.metric === 'volume' && input.measure === 'reps';
  const bodyweightVolume = !countsLoadVolume || !hasBodyweightSets ? 'none' : onlyBodyweightSets && input.bodyweights.length > 0 ? 'total' : 'added';
  const unit: Unit | 's' = input.metric === 'volume' && input.measure === 'seconds' ? 's' : input.unit;

  const perSession: ProgressPoint[] = [];
  const bodyweights = bodyweightVolume === 'total' ? input.bodyweights : [];
  for (const session of sessions) {
    const value = sessionValue(session, { ...input, bodyweights });
    if (value !== null) perSession.push({ date: session.date, value });
  }
  const bucket = BUCKETS.find((candidate) => bucketKeys(perSession, candidate).size <= Math.max(1, input.maxPoints)) ?? 'year';
  const points = group(perSession, bucket, input.metric).map((point) => ({ date: point.date, value: round(point.value) }));

  // The start is dated by the first session itself, also when it is grouped into a week.
  const first = points[0];
  const start = first === undefined ? null : { date: perSession[0]?.date ?? first.date, value: first.value };
  const now = points.at(-1) ?? null;
  const change =
    start === null || now === null
      ? null
      : {
          value: round(now.value - start.value),
          percent: start.value > 0 ? Math.round(((now.value - start.value) / start.value) * 100) : null,
          days: daysBetween(start.date, now.date),
        };
  return {
    metric: input.metric,
    unit,
    bucket,
    sessions: perSession.length,
    points,
    start,
    now,
    change,
    best: bestOf(sessions, points, input),
    bodyweightSets: hasBodyweightSets,
    onlyBodyweightSets: hasBodyweightSets && onlyBodyweightSets,
    bodyweightVolume,
  };
}

/** One session's value, in the display unit; null when the metric has none (no set of ≤ 10 reps for e1RM). */
function sessionValue(session: Session, input: ProgressInput): number | null {
  if (input.metric === 'load') return Math.max(...session.sets.map((set) => fromKg(comparableKg(set.load), input.unit)));
  if (input.metric === 'e1rm') {
    const estimates = session.sets.map((set) => setE1rmKg(set)).filter((kg): kg is number => kg !== null);
    return estimates.length === 0 ? null : fromKg(Math.max(...estimates), input.unit);
  }
  if (input.measure === 'seconds') return session.sets.reduce((sum, set) => sum + (set.seconds ?? 0), 0);
  const bodyweight = bodyweightFor(input.bodyweights, session.date);
  const kg = session.sets.reduce((sum, set) => sum + volumeLoadKg(set.load, bodyweight) * (set.reps ?? 0), 0);
  return fromKg(kg, input.unit);
}

function setE1rmKg(set: SessionSet): number | null {
  if (set.reps === null) return null;
  const estimate = epley(externalKg(set.load), set.reps);
  return estimate !== null && estimate > 0 ? estimate : null;
}

/**
 * The weight a set moves, for volume: an external load as it is; a bodyweight load is body weight
 * plus what was added (minus the assistance) when a body weight is given, else only the load
 * added (nothing for plain bodyweight or assistance).
 */
export function volumeLoadKg(load: Load, bodyweight: DatedBodyweight | undefined): number {
  if (load.kind === 'external') return toKg(load.value, load.unit);
  if (bodyweight === undefined) return externalKg(load);
  return Math.max(0, toKg(bodyweight.load.value, bodyweight.load.unit) + toKg(load.added, load.unit));
}

/**
 * The body weight that counts on `date`: the latest on or before it, else (before the first
 * weighing) the first one, so the series does not jump when body weight starts being recorded.
 */
function bodyweightFor(weights: readonly DatedBodyweight[], date: string): DatedBodyweight | undefined {
  return bodyweightOn(weights, date) ?? weights[0];
}

function group(points: ProgressPoint[], bucket: ProgressBucket, metric: ProgressMetric): ProgressPoint[] {
  if (bucket === 'session') return points;
  const groups: ProgressPoint[] = [];
  let key: string | undefined;
  for (const point of points) {
    const pointKey = keyOf(point.date, bucket);
    const last = groups.at(-1);
    if (last !== undefined && pointKey === key) {
      last.value = metric === 'volume' ? last.value + point.value : Math.max(last.value, point.value);
      last.date = point.date;
    } else {
      groups.push({ ...point });
    }
    key = pointKey;
  }
  return groups;
}

function bucketKeys(points: readonly ProgressPoint[], bucket: ProgressBucket): Set<string> {
  return new Set(points.map((point, index) => (bucket === 'session' ? String(index) : keyOf(point.date, bucket))));
}

/** The Monday of the ISO week, the month or the year of a date. */
function keyOf(date: string, bucket: Exclude<ProgressBucket, 'session'>): string {
  if (bucket === 'year') return date.slice(0, 4);
  if (bucket === 'month') return date.slice(0, 7);
  const weekday = (((dayNumber(date) + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  return addDaysIso(date, -weekday);
}

/** The heaviest set (load), the set with the best estimate (e1RM), or the best point (volume); the earliest among equals. */
function bestOf(sessions: readonly Session[], points: readonly ProgressPoint[], input: ProgressInput): ProgressBest | null {
  if (input.metric === 'volume') {
    const best = points.reduce<ProgressPoint | null>((found, point) => (found === null || point.value > found.value ? point : found), null);
    return best === null ? null : { date: best.date, value: best.value, set: null };
  }
  let best: { date: string; kg: number; set: SessionSet } | null = null;
  for (const session of sessions) {
    for (const set of session.sets) {
      const kg = input.metric === 'load' ? comparableKg(set.load) : setE1rmKg(set);
      if (kg === null) continue;
      if (best === null || kg > best.kg + 1e-9) best = { date: session.date, kg, set };
    }
  }
  if (best === null) return null;
  return {
    date: best.date,
    value: round(fromKg(best.kg, input.unit)),
    set: { load: best.set.load, reps: best.set.reps, seconds: best.set.seconds },
  };
}

/**
 * The index of the point a dated event (a milestone) falls on: the first point on or after its
 * date, or null when it is outside the chart (before the first session or after the last).
 */
export function pointIndexOf(series: Pick<ProgressSeries, 'points' | 'start'>, date: string): number | null {
  const { points, start } = series;
  const last = points.at(-1);
  if (start === null || last === undefined || date < start.date || date > last.date) return null;
  return points.findIndex((point) => point.date >= date);
}

/**
 * How long a change took, in words: `3 days`, `9 weeks`, `5 months`, `2 years`. Weeks up to 17
 * (about 4 months), then months up to 2 years.
 */
export function spanInWords(days: number): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  if (days < 14) return plural(days, 'day');
  if (days < 17 * 7) return plural(Math.round(days / 7), 'week');
  if (days < 730) return plural(Math.round(days / 30.4375), 'month');
  return plural(Math.round(days / 365.25), 'year');
}

/** Two decimals: enough for kg and lb, free of float noise. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
