// Milestones (SPEC §4.1): when strength has objectively improved, and when it is time to step
// back and re-evaluate. Pure: derived from facts of the log that the caller reads (first session,
// heaviest load, best e1RM, training days, body weight) and the date, never from stored counters;
// only the user's acknowledgements are stored. Sources: research/rules-evidence.md, the seed.

import { addDaysIso, addMonthsIso, addWeeksIso, shortDay, startOfIsoWeek } from './calendar.js';
import type { DatedBodyweight } from './bodyweight.js';
import { bestE1rmKg } from './e1rm.js';
import { workingSets } from './progression.js';
import type { ExerciseSettings, Load, Measure, Session, Unit } from './types.js';
import { externalKg, formatLoad, formatLoadIn, fromKg, tidy, toKg } from './units.js';

export type MilestoneKind = 'suitcase' | 'review' | 'strength' | 'bodyweight-ratio' | 'consistency';

/** reached: a mark was met; due: a review's date has come; upcoming: not yet. */
export type MilestoneStatus = 'reached' | 'due' | 'upcoming';

/** One milestone, with a stable id for `rehab milestones --ack`. */
export interface Milestone {
  /** `suitcase-20kg:goblet-squat`, `e1rm-150:romanian-deadlift`, `bw-1x:…`, `review-6w`, `consistency-8w`. */
  id: string;
  kind: MilestoneKind;
  /** The exercise's name, for milestones of one exercise. */
  exercise?: string;
  status: MilestoneStatus;
  /** Reached on, due on, or (upcoming) the earliest day it can come; null when that cannot be known. */
  date: string | null;
  title: string;
  message: string;
  details: MilestoneDetails;
  /** When the user acknowledged it (ISO timestamp), or null. */
  acknowledgedAt: string | null;
}

export type MilestoneDetails = LoadMarkDetails | E1rmMarkDetails | ReviewDetails | ConsistencyDetails;

/** A load mark (the suitcase band) or a body-weight mark: the heaviest external load against a target. */
export interface LoadMarkDetails {
  metric: 'load';
  targetKg: number;
  /** The heaviest external load so far, as logged, in kg, and the first day it was lifted. */
  best: { load: Load; kg: number; date: string } | null;
  /** For body-weight marks: the multiple and the body weight it is of. */
  ratio?: number;
  bodyweight?: DatedBodyweight;
}

/** An estimated-1RM mark: a percentage of the start's e1RM. */
export interface E1rmMarkDetails {
  metric: 'e1rm';
  percentOfStart: number;
  targetKg: number;
  start: { kg: number; date: string };
  best: { kg: number; date: string } | null;
}

/** A review: the objective change of each exercise from its first session to the review's date. */
export interface ReviewDetails {
  firstSession: string;
  exercises: ExerciseChange[];
}

export interface ConsistencyDetails {
  weeks: number;
  sessionsPerWeek: number;
  /** The run of qualifying weeks that reached the mark, or the current one: its first Monday and length. */
  streak: { from: string; weeks: number } | null;
}

/** One exercise at its start and at a later day. */
export interface ExerciseChange {
  exercise: string;
  start: SessionSnapshot;
  latest: SessionSnapshot;
  /** Change of the external load in kg. */
  externalKgChange: number;
  /** Change of the best e1RM in %, when both sessions have one. */
  e1rmChangePercent: number | null;
}

/** What a session shows objectively: its working load, reps (or seconds) and best e1RM. */
export interface SessionSnapshot {
  date: string;
  load: Load;
  externalKg: number;
  measure: Measure;
  values: number[];
  e1rmKg: number | null;
}

/** A best value of an exercise: how much (kg), the set's load as logged, the first day it was done. */
export interface BestValue {
  kg: number;
  load: Load;
  date: string;
  reps?: number;
}

/** What the log says about one exercise, as of today; read by the caller with index lookups. */
export interface ExerciseFacts {
  name: string;
  settings: ExerciseSettings;
  /** The first session of the exercise, or null when it has none. */
  first: Session | null;
  /** The first session with an estimated 1RM (a set of ≤10 reps with external load): the e1RM baseline. */
  firstWithE1rm: Session | null;
  heaviest: BestValue | null;
  bestE1rm: BestValue | null;
  /** The first day each reached mark (see `marksToDate`) was reached, by milestone id. */
  reachedOn: ReadonlyMap<string, string>;
  /** The last session on or before each due review's date, by review id (see `reviewSchedule`). */
  atReviews: ReadonlyMap<string, Session | null>;
}

export interface MilestoneInput {
  /** 'YYYY-MM-DD': the clock, injected. */
  today: string;
  exercises: ExerciseFacts[];
  /** The first session of the whole log, or null: the reviews count from it. */
  firstLogDate: string | null;
  /** The distinct days with any session from `consistencyWindowStart(today)` to today. */
  trainingDates: string[];
  /** The body weight in force today, or null when none was recorded. */
  bodyweight: DatedBodyweight | null;
  /** Acknowledged milestone ids → when (ISO timestamp). */
  acknowledged: ReadonlyMap<string, string>;
  /** The unit the messages write weights in (`--units`); as logged (and in kg) without it. Words only: ids and details keep kg. */
  displayUnit?: Unit;
}

// ── Defaults and their sources ───────────────────────────────────────────────────────────────

/**
 * The seed: from squatting body weight poorly to squatting with 20–30 kg, "the weight of that
 * holiday suitcase", then re-evaluate. For squat-pattern exercises that start at bodyweight.
 */
export const SUITCASE_BAND_KG: readonly number[] = [20, 30];

/** Estimated 1RM up 50 % and 100 % from the start (SPEC §4.1), as percentages of the start. */
export const E1RM_PERCENTS: readonly number[] = [150, 200];

/**
 * Body-weight multiples [design] on Dan John's standards (research/rules-evidence.md): deadlift
 * 1–1.5× body weight, so a hinge at its low end, 1×; goblet squat 24 kg × 10, about 0.3× the body
 * weight of an 80 kg adult. Other patterns have no default.
 */
export const BODYWEIGHT_RATIOS: Readonly<Record<ExerciseSettings['pattern'], readonly number[]>> = {
  hinge: [1],
  squat: [0.3],
  bridge: [],
  core: [],
  other: [],
};

/**
 * Reviews after the first session [design] (research/rules-evidence.md): 2 weeks (short term),
 * 6 weeks (most back pain settles within 6 weeks), 12 weeks (a typical programme's length; ACP 2017:
 * chronic after 12 weeks), 6 and 12 months (the follow-up points of trials; long term).
 */
const REVIEWS: ReadonlyArray<{ id: string; title: string; after: { weeks?: number; months?: number }; span: string; message: string }> = [
  {
    id: 'review-2w',
    title: '2-week review (short term)',
    after: { weeks: 2 },
    span: '2 weeks',
    message: 'Two weeks since your first session. A first objective look: what has changed in load, estimated 1RM and reps.',
  },
  {
    id: 'review-6w',
    title: '6-week review',
    after: { weeks: 6 },
    span: '6 weeks',
    message:
      'Six weeks since your first session: most episodes of back pain settle within about 6 weeks. Judge progress by the objective change below; if the pain has not eased, see a clinician.',
  },
  {
    id: 'review-12w',
    title: '12-week review (medium term)',
    after: { weeks: 12 },
    span: '12 weeks',
    message:
      'Twelve weeks: the usual length of a programme. Look at the objective change below and decide, with a clinician if you have one, what the next block should be.',
  },
  {
    id: 'review-6m',
    title: '6-month review (long term)',
    after: { months: 6 },
    span: '6 months',
    message: 'Six months since your first session: keep strengthening broadly, and compare with the start below.',
  },
  {
    id: 'review-12m',
    title: '12-month review (long term)',
    after: { months: 12 },
    span: '12 months',
    message: 'A year since your first session: compare with the start below, and keep progressing the load over the months ahead.',
  },
];

/** Consistency marks: weeks in a row with at least two sessions (SPEC §4.1; ACSM 2009: novices train 2–3 days a week). */
const CONSISTENCY_WEEKS: readonly number[] = [4, 8, 12];
const SESSIONS_PER_WEEK = 2;
/** Full weeks before the current one that consistency looks at: enough to see a 12-week run whole. */
const CONSISTENCY_LOOKBACK_WEEKS = 13;

/** [design] Float noise: 0.3 × 80 kg is 24.000000000000004, which a 24 kg load must meet. */
const TOLERANCE_KG = 1e-6;

// ── Ids ──────────────────────────────────────────────────────────────────────────────────────

/** How an exercise appears in milestone ids: `Goblet squat` → `goblet-squat`. */
export function exerciseKey(name: string): string {
  const key = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return key === '' ? 'exercise' : key;
}

/** 20 → '20', 22.5 → '22.5', 0.3 → '0.3'. */
function idNumber(value: number): string {
  return String(tidy(value));
}

// ── The schedule the caller needs to read facts for ──────────────────────────────────────────

/** Each review's id and date, counted from the first session of the log. */
export function reviewSchedule(firstLogDate: string): Array<{ id: string; date: string }> {
  return REVIEWS.map((review) => {
    const date = review.after.months !== undefined ? addMonthsIso(firstLogDate, review.after.months) : addWeeksIso(firstLogDate, review.after.weeks ?? 0);
    return { id: review.id, date };
  });
}

/** The first day whose sessions count for consistency as of `today`: the Monday 13 weeks before this week's. */
export function consistencyWindowStart(today: string): string {
  return addWeeksIso(startOfIsoWeek(today), -CONSISTENCY_LOOKBACK_WEEKS);
}

/** A strength mark of one exercise: a target in kg of its external load or of its e1RM. */
export interface StrengthMark {
  id: string;
  kind: 'suitcase' | 'strength' | 'bodyweight-ratio';
  metric: 'load' | 'e1rm';
  targetKg: number;
  /** Whether the exercise's best has reached it. */
  reached: boolean;
}

/**
 * The marks of one exercise whose first day the caller must look up (`ExerciseFacts.reachedOn`):
 * those the best so far has reached. Every other mark is upcoming and needs no date.
 */
export function marksToDate(facts: Omit<ExerciseFacts, 'reachedOn' | 'atReviews'>, bodyweight: DatedBodyweight | null): StrengthMark[] {
  return strengthMarks(facts, bodyweight).filter((mark) => mark.reached);
}

function strengthMarks(facts: Omit<ExerciseFacts, 'reachedOn' | 'atReviews'>, bodyweight: DatedBodyweight | null): StrengthMark[] {
  const key = exerciseKey(facts.name);
  const heaviestKg = facts.heaviest?.kg ?? 0;
  const marks: StrengthMark[] = [];
  for (const kg of loadMarksOf(facts)) {
    marks.push({ id: `suitcase-${idNumber(kg)}kg:${key}`, kind: 'suitcase', metric: 'load', targetKg: kg, reached: heaviestKg >= kg - TOLERANCE_KG });
  }
  const baseline = e1rmBaseline(facts);
  if (baseline !== null) {
    for (const percent of sortedUnique(facts.settings.milestones?.e1rmPercents ?? E1RM_PERCENTS)) {
      // Not rounded: a mark rounded up would be missed by the very set that reaches it.
      const target = (baseline.kg * percent) / 100;
      marks.push({
        id: `e1rm-${idNumber(percent)}:${key}`,
        kind: 'strength',
        metric: 'e1rm',
        targetKg: target,
        reached: (facts.bestE1rm?.kg ?? 0) >= target - TOLERANCE_KG,
      });
    }
  }
  if (bodyweight !== null) {
    const bodyKg = toKg(bodyweight.load.value, bodyweight.load.unit);
    for (const ratio of ratiosOf(facts.settings)) {
      const target = ratio * bodyKg;
      marks.push({ id: `bw-${idNumber(ratio)}x:${key}`, kind: 'bodyweight-ratio', metric: 'load', targetKg: target, reached: heaviestKg >= target - TOLERANCE_KG });
    }
  }
  return marks;
}

/** The load marks of an exercise: its setting, else the suitcase band for a squat that started at bodyweight. */
function loadMarksOf(facts: Pick<ExerciseFacts, 'settings' | 'first'>): number[] {
  const configured = facts.settings.milestones?.loadsKg;
  if (configured !== undefined) return sortedUnique(configured);
  return facts.settings.pattern === 'squat' && startedAtBodyweight(facts) ? [...SUITCASE_BAND_KG] : [];
}

function ratiosOf(settings: ExerciseSettings): number[] {
  return sortedUnique(settings.milestones?.bodyweightRatios ?? BODYWEIGHT_RATIOS[settings.pattern]);
}

/**
 * Whether the e1RM marks of an exercise need its first session with an estimate (see
 * `ExerciseFacts.firstWithE1rm`): only when its first session had an external load.
 */
export function wantsE1rmBaseline(facts: Pick<ExerciseFacts, 'settings' | 'first'>): boolean {
  return facts.first !== null && !startedAtBodyweight(facts);
}

/** Whether the exercise's first session (or, before any, its start load) had no external load. */
function startedAtBodyweight(facts: Pick<ExerciseFacts, 'settings' | 'first'>): boolean {
  const start = facts.first === null ? facts.settings.start : workingSets(facts.first, facts.settings.measure).load;
  return externalKg(start) === 0;
}

/**
 * The e1RM the percentages count from: the best of the first session with one. Only for exercises
 * that started with an external load: from bodyweight the external load starts at 0 and a
 * percentage of it means nothing (the load marks measure those).
 */
function e1rmBaseline(facts: Pick<ExerciseFacts, 'settings' | 'first' | 'firstWithE1rm'>): { kg: number; date: string } | null {
  if (facts.firstWithE1rm === null || !wantsE1rmBaseline(facts)) return null;
  const kg = bestE1rmKg(facts.firstWithE1rm.sets);
  return kg === null ? null : { kg, date: facts.firstWithE1rm.date };
}

function sortedUnique(values: readonly number[]): number[] {
  return [...new Set(values.map(tidy))].sort((a, b) => a - b);
}

// ── Deriving ─────────────────────────────────────────────────────────────────────────────────

/**
 * Every milestone as of `input.today`, reached, due or upcoming, acknowledged or not: per exercise
 * the load marks (the suitcase band), e1RM marks and body-weight marks; the reviews; consistency.
 * `milestonesToList` and `milestonesForNext` choose what to show.
 */
export function deriveMilestones(input: MilestoneInput): Milestone[] {
  const milestones = [
    ...input.exercises.flatMap((facts) => exerciseMilestones(facts, input)),
    ...reviewMilestones(input),
    ...consistencyMilestones(input),
  ];
  return milestones.map((milestone) => ({ ...milestone, acknowledgedAt: input.acknowledged.get(milestone.id) ?? null }));
}

type Unacknowledged = Omit<Milestone, 'acknowledgedAt'>;

function exerciseMilestones(facts: ExerciseFacts, input: MilestoneInput): Unacknowledged[] {
  const baseline = e1rmBaseline(facts);
  const words: Words = { today: input.today, unit: input.displayUnit };
  return strengthMarks(facts, input.bodyweight).map((mark): Unacknowledged => {
    // A reached mark whose first day was not looked up falls back to the day of the best.
    const bestDate = (mark.metric === 'load' ? facts.heaviest : facts.bestE1rm)?.date ?? null;
    const date = mark.reached ? (facts.reachedOn.get(mark.id) ?? bestDate) : null;
    const common = { id: mark.id, kind: mark.kind, exercise: facts.name, status: mark.reached ? ('reached' as const) : ('upcoming' as const), date };
    if (mark.kind === 'suitcase') return { ...common, ...loadMark(facts, mark, date, words) };
    if (mark.kind === 'strength' && baseline !== null) return { ...common, ...e1rmMark(facts, mark, baseline, date, words) };
    return { ...common, ...bodyweightMark(facts, mark, input.bodyweight as DatedBodyweight, date, words) };
  });
}

type Text = Pick<Milestone, 'title' | 'message' | 'details'>;

/** What the words of a mark depend on: today (for relative days) and the unit weights are written in. */
interface Words {
  today: string;
  unit: Unit | undefined;
}

function loadMark(facts: ExerciseFacts, mark: StrengthMark, date: string | null, words: Words): Text {
  const target = massText(mark.targetKg, words.unit);
  const details: LoadMarkDetails = { metric: 'load', targetKg: mark.targetKg, best: bestLoad(facts) };
  const title = `${facts.name}: ${target} of external load${inSuitcaseBand(mark.targetKg) ? ', the suitcase band' : ''}`;
  const reevaluate =
    'Your strength has improved objectively, so now is the time to re-evaluate how your glutes work and how you move: you may find you tend to favour loading certain muscles, which you only really know once you have strengthened broadly. Do it with a clinician if you have one.';
  if (!mark.reached) {
    const sofar = details.best !== null && details.best.kg > 0 ? `Heaviest so far ${loadText(details.best.load, words.unit)}, on ${day(details.best.date, words.today)}. ` : '';
    return { title, details, message: `${sofar}At ${target}${suitcaseWords(mark.targetKg)}, it is time to re-evaluate how your glutes work and how you move.` };
  }
  const from = startedAtBodyweight(facts) ? 'from bodyweight ' : '';
  const custom = facts.settings.milestones?.loadMessage;
  const reached = `${facts.name} went ${from}to ${target} of external load on ${day(date, words.today)}${suitcaseWords(mark.targetKg)}.`;
  return { title, details, message: `${reached}${heaviestAside(details, mark.targetKg, words.unit)} ${custom ?? reevaluate}` };
}

const EPLEY_SOURCE = 'Epley estimate from sets of 10 reps or fewer; Reynolds 2006.';
const BODYWEIGHT_STANDARDS = "Dan John's standards: deadlift 1–1.5× body weight, goblet squat 24 kg × 10.";

/**
 * The sources milestone messages end with in the same words for every exercise, each with the
 * short name it goes by: a list of milestones can explain a source once and name it after that.
 */
export const MILESTONE_SOURCE_NOTES: ReadonlyMap<string, string> = new Map([
  [EPLEY_SOURCE, 'Epley estimate (Reynolds 2006)'],
  [BODYWEIGHT_STANDARDS, "Dan John's standards"],
]);

function e1rmMark(facts: ExerciseFacts, mark: StrengthMark, baseline: { kg: number; date: string }, date: string | null, words: Words): Text {
  const percent = Math.round((mark.targetKg / baseline.kg) * 100);
  const up = percent - 100;
  const details: E1rmMarkDetails = {
    metric: 'e1rm',
    percentOfStart: percent,
    targetKg: mark.targetKg,
    start: baseline,
    best: facts.bestE1rm && { kg: facts.bestE1rm.kg, date: facts.bestE1rm.date },
  };
  const title = `${facts.name}: estimated 1RM up ${up} %`;
  const start = `${massText(baseline.kg, words.unit)} at the start on ${day(baseline.date, words.today)}`;
  if (!mark.reached) {
    const now = details.best === null ? '' : `, ${massText(details.best.kg, words.unit)} now`;
    return { title, details, message: `Estimated 1RM ${start}${now}; up ${up} % is ${massText(mark.targetKg, words.unit)}. ${EPLEY_SOURCE}` };
  }
  const custom = facts.settings.milestones?.e1rmMessage;
  const message = `Estimated 1RM reached ${massText(mark.targetKg, words.unit)} on ${day(date, words.today)}, up ${up} % from ${start}. ${custom ?? 'An objective gain in strength.'} ${EPLEY_SOURCE}`;
  return { title, details, message };
}

function bodyweightMark(facts: ExerciseFacts, mark: StrengthMark, bodyweight: DatedBodyweight, date: string | null, words: Words): Text {
  const ratio = tidy(mark.targetKg / toKg(bodyweight.load.value, bodyweight.load.unit));
  const details: LoadMarkDetails = { metric: 'load', targetKg: mark.targetKg, best: bestLoad(facts), ratio, bodyweight };
  const title = `${facts.name}: ${idNumber(ratio)}× body weight`;
  const weighed = `your body weight of ${loadText(bodyweight.load, words.unit)} (weighed ${day(bodyweight.date, words.today)})`;
  if (!mark.reached) {
    const sofar = details.best !== null && details.best.kg > 0 ? ` Heaviest so far ${loadText(details.best.load, words.unit)}.` : '';
    return { title, details, message: `${idNumber(ratio)}× ${weighed} is ${massText(mark.targetKg, words.unit)}.${sofar} ${BODYWEIGHT_STANDARDS}` };
  }
  const custom = facts.settings.milestones?.bodyweightMessage;
  const message = `${facts.name} reached ${idNumber(ratio)}× ${weighed} on ${day(date, words.today)}: ${massText(mark.targetKg, words.unit)}.${heaviestAside(details, mark.targetKg, words.unit)} ${custom ?? BODYWEIGHT_STANDARDS}`;
  return { title, details, message };
}

function bestLoad(facts: ExerciseFacts): LoadMarkDetails['best'] {
  return facts.heaviest && { load: facts.heaviest.load, kg: facts.heaviest.kg, date: facts.heaviest.date };
}

/** " Heaviest so far 45 lb (≈ 20.4 kg)." when the heaviest is not simply the mark itself. */
function heaviestAside(details: LoadMarkDetails, targetKg: number, unit: Unit | undefined): string {
  const best = details.best;
  if (best === null) return '';
  const same = best.load.kind === 'external' && best.load.unit === 'kg' && Math.abs(best.kg - targetKg) < TOLERANCE_KG;
  return same ? '' : ` Heaviest so far ${loadText(best.load, unit)}.`;
}

function inSuitcaseBand(kg: number): boolean {
  return kg >= 20 - TOLERANCE_KG && kg <= 30 + TOLERANCE_KG;
}

function suitcaseWords(kg: number): string {
  return inSuitcaseBand(kg) ? ', the weight of a holiday suitcase' : '';
}

// ── Reviews ──────────────────────────────────────────────────────────────────────────────────

function reviewMilestones(input: MilestoneInput): Unacknowledged[] {
  if (input.firstLogDate === null) return [];
  const first = input.firstLogDate;
  return reviewSchedule(first).map(({ id, date }, index): Unacknowledged => {
    const review = REVIEWS[index] as (typeof REVIEWS)[number];
    const due = date <= input.today;
    const exercises = due ? input.exercises.flatMap((facts) => changeOf(facts, id)) : [];
    return {
      id,
      kind: 'review',
      status: due ? 'due' : 'upcoming',
      date,
      title: review.title,
      message: due ? review.message : `Due ${day(date, input.today)}, ${review.span} after your first session (${day(first, input.today)}).`,
      details: { firstSession: first, exercises },
    };
  });
}

function changeOf(facts: ExerciseFacts, reviewId: string): ExerciseChange[] {
  const latest = facts.atReviews.get(reviewId) ?? null;
  if (facts.first === null || latest === null) return [];
  const start = snapshot(facts.first, facts.settings.measure);
  const now = snapshot(latest, facts.settings.measure);
  const e1rmChangePercent =
    start.e1rmKg !== null && now.e1rmKg !== null ? Math.round(((now.e1rmKg - start.e1rmKg) / start.e1rmKg) * 100) : null;
  return [{ exercise: facts.name, start, latest: now, externalKgChange: tidy(now.externalKg - start.externalKg), e1rmChangePercent }];
}

function snapshot(session: Session, measure: Measure): SessionSnapshot {
  const working = workingSets(session, measure);
  return {
    date: session.date,
    load: working.load,
    externalKg: tidy(externalKg(working.load)),
    measure,
    values: working.values,
    e1rmKg: bestE1rmKg(session.sets),
  };
}

// ── Consistency ──────────────────────────────────────────────────────────────────────────────

interface Week {
  monday: string;
  /** The day the week reached two sessions, if it did. */
  qualifiedOn: string | null;
}

function consistencyMilestones(input: MilestoneInput): Unacknowledged[] {
  const weeks = weeksOf(input);
  const current = weeks.length - 1;
  const qualifies = (i: number) => (weeks[i]?.qualifiedOn ?? null) !== null;

  // The run still alive: back from this week (if it already qualifies) or from last week.
  const end = qualifies(current) ? current : current - 1;
  let liveStart = end + 1;
  while (liveStart - 1 >= 0 && liveStart - 1 <= end && qualifies(liveStart - 1)) liveStart -= 1;
  const liveWeeks = end - liveStart + 1;
  if (liveWeeks === 0) liveStart = current;

  return CONSISTENCY_WEEKS.map((target): Unacknowledged => {
    const id = `consistency-${target}w`;
    const title = `${target} weeks in a row with at least ${SESSIONS_PER_WEEK} sessions`;
    const run = firstRunOf(weeks, target);
    if (run !== null) {
      const reachedOn = weeks[run + target - 1]?.qualifiedOn ?? null;
      const from = weeks[run]?.monday ?? '';
      return {
        id,
        kind: 'consistency',
        status: 'reached',
        date: reachedOn,
        title,
        message: `At least ${SESSIONS_PER_WEEK} sessions every week for ${target} weeks in a row, from the week of ${day(from, input.today)}: steady training is what builds strength (ACSM 2009: novices train 2–3 days a week).`,
        details: { weeks: target, sessionsPerWeek: SESSIONS_PER_WEEK, streak: { from, weeks: target } },
      };
    }
    const sunday = addDaysIso(addWeeksIso(weeks[current]?.monday ?? input.today, liveStart + target - 1 - current), 6);
    const now = liveWeeks > 0 ? `${liveWeeks} ${liveWeeks === 1 ? 'week' : 'weeks'} in a row so far` : 'no run of weeks yet';
    return {
      id,
      kind: 'consistency',
      status: 'upcoming',
      date: sunday,
      title,
      message: `Keep up at least ${SESSIONS_PER_WEEK} sessions a week and this comes on ${day(sunday, input.today)} (${now}).`,
      details: {
        weeks: target,
        sessionsPerWeek: SESSIONS_PER_WEEK,
        streak: liveWeeks > 0 ? { from: weeks[liveStart]?.monday ?? '', weeks: liveWeeks } : null,
      },
    };
  });
}

/** The Monday-to-Sunday weeks from `consistencyWindowStart` to this week, with the day each reached two sessions. */
function weeksOf(input: MilestoneInput): Week[] {
  const start = consistencyWindowStart(input.today);
  const days = [...new Set(input.trainingDates)].filter((date) => date <= input.today).sort();
  const weeks: Week[] = [];
  for (let i = 0; i <= CONSISTENCY_LOOKBACK_WEEKS; i++) {
    const monday = addWeeksIso(start, i);
    const nextMonday = addWeeksIso(start, i + 1);
    const inWeek = days.filter((date) => date >= monday && date < nextMonday);
    weeks.push({ monday, qualifiedOn: inWeek[SESSIONS_PER_WEEK - 1] ?? null });
  }
  return weeks;
}

/** The index of the first week of the first run of `length` qualifying weeks, or null. */
function firstRunOf(weeks: Week[], length: number): number | null {
  let runStart = 0;
  for (let i = 0; i < weeks.length; i++) {
    if (weeks[i]?.qualifiedOn === null) {
      runStart = i + 1;
      continue;
    }
    if (i - runStart + 1 >= length) return runStart;
  }
  return null;
}

// ── Choosing what to show ────────────────────────────────────────────────────────────────────

/**
 * What `rehab milestones` lists: the reached and due ones not yet acknowledged, then the next
 * upcoming one of each series (each exercise's load marks, e1RM marks, body-weight marks; the
 * reviews; consistency). With `all`: every milestone, acknowledged or not.
 */
export function milestonesToList(milestones: readonly Milestone[], options: { all?: boolean } = {}): Milestone[] {
  if (options.all) return sortForShowing(milestones);
  const open = milestones.filter((m) => m.acknowledgedAt === null);
  const seen = new Set<string>();
  const nextOfEachSeries = open.filter((m) => {
    if (m.status !== 'upcoming') return false;
    const series = `${m.kind}:${m.exercise ?? ''}`;
    if (seen.has(series)) return false;
    seen.add(series);
    return true;
  });
  return sortForShowing([...open.filter((m) => m.status !== 'upcoming'), ...nextOfEachSeries]);
}

/**
 * What `rehab next` shows: every milestone reached (or due) and not yet acknowledged, and the next
 * one coming with its date (the soonest upcoming one that has a date).
 */
export function milestonesForNext(milestones: readonly Milestone[]): Milestone[] {
  const open = milestones.filter((m) => m.acknowledgedAt === null);
  const upcoming = sortForShowing(open.filter((m) => m.status === 'upcoming' && m.date !== null))[0];
  return [...sortForShowing(open.filter((m) => m.status !== 'upcoming')), ...(upcoming ? [upcoming] : [])];
}

/** Reached and due first, oldest first; then upcoming, soonest first, undated last. Stable otherwise. */
function sortForShowing(milestones: readonly Milestone[]): Milestone[] {
  const rank = (m: Milestone) => (m.status === 'upcoming' ? 1 : 0);
  return milestones
    .map((m, index) => ({ m, index }))
    .sort((a, b) => rank(a.m) - rank(b.m) || compareDates(a.m.date, b.m.date) || a.index - b.index)
    .map(({ m }) => m);
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

// ── Words ────────────────────────────────────────────────────────────────────────────────────

/** `Tue 24 Nov`, with the year when it is not today's. */
function day(date: string | null, today: string): string {
  if (date === null) return 'an unknown day';
  return shortDay(date, today);
}

/** `20 kg`, `20.4 kg`: a weight to one decimal, in kg, or in lb for someone reading in lb (`44.1 lb`). */
function massText(kg: number, unit: Unit | undefined): string {
  const shownIn = unit ?? 'kg';
  return `${Math.round(fromKg(kg, shownIn) * 10) / 10} ${shownIn}`;
}

/** A load as logged, with its kg when logged in lb: `45 lb (≈ 20.4 kg)`; in the unit asked for, that alone. */
function loadText(load: Load, unit: Unit | undefined): string {
  if (unit !== undefined) return formatLoadIn(load, unit);
  const kg = externalKg(load);
  return load.unit === 'lb' && kg > 0 ? `${formatLoad(load)} (≈ ${massText(kg, undefined)})` : formatLoad(load);
}
