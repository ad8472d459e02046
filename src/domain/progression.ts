// The rules engine (SPEC §4): what to do next time in one exercise, and why. Pure: the log,
// the check-ins and today's date come in as arguments; nothing is stored between calls, so a
// corrected set changes the next prescription at once. Every number below names its source, as
// listed under "Sources" in docs/rules.md (from research/rules-evidence.md); docs/rules.md also
// explains the order in plain words.

import { InternalError } from '../errors.js';
import { dayNumber, daysBetween } from './calendar.js';
import { progressAmount, reduceAmount, regressAmount } from './load-steps.js';
import type {
  Action,
  Equipment,
  ExerciseSettings,
  Load,
  Measure,
  PainCheckin,
  Prescription,
  Session,
  SessionSet,
  Unit,
} from './types.js';
import { amountOf, comparableKg, formatLoadIn, perUnit, tidy, withAmount } from './units.js';

export interface PrescribeInput {
  settings: ExerciseSettings;
  /** The most recent sessions of this exercise on or before `today`, oldest first (the caller passes at most ~12). */
  sessions: Session[];
  /** Next-morning pain check-ins (may be empty until the `rehab pain` command exists). */
  checkins: PainCheckin[];
  today: string;
  /** The user's units, for an exercise with no sessions yet. */
  defaultUnit: Unit;
  /** The unit the reasons write loads in (`--units`); as logged without it. Words only: the prescribed load stays as logged. */
  displayUnit?: Unit;
}

/** The sets of a session done at its heaviest load; lighter sets are warm-ups. */
export interface WorkingSets {
  load: Load;
  /** Reps (or seconds) of each working set, in order. */
  values: number[];
}

/** What the engine asked for in one session: the load and the reps (or seconds) per set. */
export interface PlannedSession {
  load: Load;
  target: number;
}

// Pain-monitoring model, Silbernagel 2007 (Am J Sports Med 35:897), from Thomeé 1997: pain during
// and after exercise may reach 5/10. Studied in Achilles tendinopathy; using it for back pain is
// an extrapolation, and the reasons say so.
const PAIN_ALLOWED = 5;
// [design] on Silbernagel 2007 ("pain must not increase from week to week"): a rise of 2 points
// in the weekly average counts as an increase (SPEC §4).
const WEEKLY_PAIN_RISE = 2;
// [design]: a check-in up to 2 days after a session still counts as its next-morning check-in.
const MORNING_WINDOW_DAYS = 2;
// Zourdos 2016 (JSCR 30:267) / Helms 2016 (SCJ 38(4):42): RPE 9.5 = no more reps were possible.
const RPE_NO_REPS_LEFT = 9.5;
// StrongLifts (linear progression): three failed sessions in a row at one load → −10 %.
const FAILURES_BEFORE_DELOAD = 3;
const DELOAD_FRACTION = 0.1;
// [design]: loads within 0.1 kg count as the prescribed load (55 lb = 24.95 kg meets 25 kg).
const LOAD_TOLERANCE_KG = 0.1;
// [design]: sets within 0.01 kg of the heaviest are working sets (float noise from lb → kg).
const SAME_LOAD_KG = 0.01;

// [design] on McMaster 2013 (Sports Med 43:367: strength is kept for about 3 weeks of detraining,
// then decays faster) and Bosquet 2013 (losses grow with the length of the break).
// Up to 10 days: no change.
const LAYOFF_BANDS: readonly LayoffBand[] = [
  { from: 11, to: 21, label: '11–21 days', cut: 0.1, retest: false },
  { from: 22, to: 56, label: '22–56 days', cut: 0.2, retest: false },
  { from: 57, to: Infinity, label: 'more than 56 days', cut: 0.3, retest: true },
];

interface LayoffBand {
  from: number;
  to: number;
  label: string;
  cut: number;
  retest: boolean;
}

/** Weights that are held (a goblet squat with a dumbbell), so bodyweight progresses to an external load. */
const HELD_EQUIPMENT: ReadonlySet<Equipment> = new Set(['dumbbell', 'kettlebell', 'barbell']);

const PAIN_MODEL =
  'Pain-monitoring model (Silbernagel 2007, from Thomeé 1997): pain during exercise may reach 5/10, ' +
  'should settle by the next morning and must not rise from week to week. It was studied in Achilles ' +
  'tendinopathy; applying it to back pain is an extrapolation.';

const DETRAINING =
  'Strength is largely kept for about 3 weeks without training and fades faster after that (McMaster 2013); ' +
  'the longer the break, the larger the loss (Bosquet 2013).';

const FAILED_SESSIONS = 'StrongLifts: a failed session repeats the load; three failed sessions in a row take 10 % off.';

/**
 * The sources the reasons explain in the same words for every exercise (a whole reason, or the end
 * of one), each with the short name it goes by: a list of prescriptions can explain a source once
 * and name it after that.
 */
export const SOURCE_NOTES: ReadonlyMap<string, string> = new Map([
  [PAIN_MODEL, 'Pain-monitoring model (Silbernagel 2007, from Thomeé 1997)'],
  [DETRAINING, 'Strength after a break (McMaster 2013; Bosquet 2013)'],
  [FAILED_SESSIONS, 'StrongLifts on failed sessions'],
]);

const NO_CHECKIN =
  'No next-morning pain check-in after the last session (rehab pain N, 0–10); not held against you.';

/** What one rule decides; `prescribeNext` adds what every prescription carries. */
interface Decision {
  action: Action;
  load: Load;
  target: number;
  /** Put into words only for the decision shown: replaying the rules needs only loads and targets. */
  reasons: () => string[];
  retest?: boolean;
}

/** What the rules after `start` know: an exercise with at least one session. */
interface History {
  /** The input with only the usable sessions, so replays index the same list. */
  input: PrescribeInput;
  settings: ExerciseSettings;
  sessions: Session[];
  last: Session;
  checkins: PainCheckin[];
  today: string;
  working: WorkingSets;
  /** The unit of the last working load: someone logging in lb gets lb back. */
  unit: Unit;
  step: number;
  increment: number;
  range: { min: number; max: number };
}

/**
 * The next session of one exercise: the first matching rule of start, layoff, pain and
 * performance decides, then load-steps rounds and caps the load. Never reads the clock.
 */
export function prescribeNext(input: PrescribeInput): Prescription {
  const { history, decision } = decide(input);
  return {
    action: decision.action,
    load: decision.load,
    sets: input.settings.sets,
    measure: input.settings.measure,
    target: decision.target,
    range: rangeOf(input.settings),
    reasons: decision.reasons(),
    retest: decision.retest ?? false,
    lastSession: history?.last.date ?? null,
  };
}

function decide(input: PrescribeInput): { history: History | null; decision: Decision } {
  const history = historyOf(input);
  return { history, decision: history === null ? startRule(input) : decideFrom(history) };
}

function decideFrom(history: History): Decision {
  return layoffRule(history) ?? painRule(history) ?? withNotes(performanceRule(history), () => checkinNotes(history));
}

/**
 * What the engine prescribed for `input.sessions[index]`, found by replaying it over the sessions
 * before, on that session's date. The first session has no known prescription, so it counts as
 * done as prescribed: its working load, and its fewest reps (or seconds) within the range.
 */
export function prescriptionAt(input: PrescribeInput, index: number): PlannedSession {
  const session = input.sessions[index];
  if (session === undefined) throw new InternalError(`No session at index ${index} to replay.`);
  if (index === 0) return asDone(session, input.settings);
  const { decision } = decide({ ...input, sessions: input.sessions.slice(0, index), today: session.date });
  return { load: decision.load, target: decision.target };
}

/** The load the engine prescribed for `input.sessions[index]` (see `prescriptionAt`). */
export function prescribedLoadFor(input: PrescribeInput, index: number): Load {
  return prescriptionAt(input, index).load;
}

function asDone(session: Session, settings: ExerciseSettings): PlannedSession {
  const { load, values } = workingSets(session, settings.measure);
  const range = rangeOf(settings);
  return { load, target: Math.min(range.max, Math.max(range.min, Math.min(...values))) };
}

/** Working sets already worked out, by measure and session: replaying the rules asks again and again. */
const workingSetsOf: Record<Measure, WeakMap<Session, WorkingSets>> = { reps: new WeakMap(), seconds: new WeakMap() };

/** The sets at the session's heaviest load (compared in kg); lighter sets are warm-ups. */
export function workingSets(session: Session, measure: Measure): WorkingSets {
  let working = workingSetsOf[measure].get(session);
  if (working === undefined) {
    working = findWorkingSets(session, measure);
    workingSetsOf[measure].set(session, working);
  }
  return working;
}

function findWorkingSets(session: Session, measure: Measure): WorkingSets {
  // Each load is converted once: the replay asks this of every session it reads.
  const weighed = session.sets.map((set) => ({ set, kg: comparableKg(set.load) }));
  let heaviest: (typeof weighed)[number] | undefined;
  for (const entry of weighed) if (heaviest === undefined || entry.kg > heaviest.kg + SAME_LOAD_KG) heaviest = entry;
  if (heaviest === undefined) throw new InternalError(`The session on ${session.date} has no sets.`);
  const top = heaviest.kg;
  const working = weighed.filter((entry) => sameKg(entry.kg, top));
  return { load: heaviest.set.load, values: working.map((entry) => valueOf(entry.set, measure)) };
}

function historyOf(input: PrescribeInput): History | null {
  const sessions = input.sessions.filter((session) => session.date <= input.today && session.sets.length > 0);
  const last = sessions.at(-1);
  if (last === undefined) return null;
  const { settings } = input;
  const working = workingSets(last, settings.measure);
  const unit = working.load.unit;
  return {
    input: { ...input, sessions },
    settings,
    sessions,
    last,
    // ISO dates sort as strings; localeCompare would start ICU's collator, ~13 ms of `rehab next`.
    checkins: input.checkins.filter((c) => c.date <= input.today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    today: input.today,
    working,
    unit,
    step: perUnit(settings.step, unit),
    increment: perUnit(settings.increment, unit),
    range: rangeOf(settings),
  };
}

// ── 1. Start ─────────────────────────────────────────────────────────────────────────────────

/** No sessions yet: the start load (bodyweight by default) at the bottom of the range. */
function startRule(input: PrescribeInput): Decision {
  const { settings } = input;
  const range = rangeOf(settings);
  const load = amountOf(settings.start) === 0 ? withAmount(settings.start, 0, input.defaultUnit) : settings.start;
  return {
    action: 'start',
    load,
    target: range.min,
    reasons: () => [
      `First session: start at ${loadWords(load, input)} at the bottom of the range (${measured(range.min, settings.measure)}), so the first sessions teach the movement.`,
      modelSentence(settings),
    ],
  };
}

function modelSentence(settings: ExerciseSettings): string {
  if (settings.measure === 'seconds') {
    const { min, max, increment } = settings.seconds;
    return `Timed holds grow by ${increment} s up to ${max} s; then the load goes up one increment and the hold starts again at ${min} s.`;
  }
  if (settings.model === 'linear') {
    return `Linear progression (StrongLifts): when every set reaches ${measured(settings.reps.max, 'reps')}, the load goes up one increment; three failed sessions in a row take off 10 %.`;
  }
  return `Double progression: the load stays until every set reaches the top of the range (${measured(settings.reps.max, 'reps')}), then goes up one increment (ACSM 2009: 8–12 repetitions for novices, load up 2–10 %).`;
}

// ── 2. Resume after a layoff ─────────────────────────────────────────────────────────────────

/** A break of more than 10 days takes 10, 20 or 30 % off, rounded down, back to the bottom of the range. */
function layoffRule(h: History): Decision | null {
  const days = daysBetween(h.last.date, h.today);
  const band = LAYOFF_BANDS.find((b) => days >= b.from && days <= b.to);
  if (band === undefined) return null;
  const load = loadWith(h, reduceAmount(amountOf(h.working.load), band.cut, h.step));
  const reasons = () => [
    `${days} days since the last session (${band.label}): load −${percent(band.cut)} %, ${loweredTo(h, load)}.`,
    `Start again at the bottom of the range (${measured(h.range.min, h.settings.measure)}).`,
    DETRAINING,
  ];
  const retest = band.retest ? ['After more than 8 weeks away, re-test before trusting this load.'] : [];
  return { action: 'resume', load, target: h.range.min, reasons: () => [...reasons(), ...retest], retest: band.retest };
}

// ── 3. Pain ──────────────────────────────────────────────────────────────────────────────────

/** Pain-monitoring model (Silbernagel 2007): during the session, the next morning, week on week. */
function painRule(h: History): Decision | null {
  return sessionPainRule(h) ?? morningPainRule(h) ?? weeklyPainRule(h);
}

function sessionPainRule(h: History): Decision | null {
  const worst = worstPain(h.last);
  if (worst === null || worst <= PAIN_ALLOWED) return null;
  return regressDecision(h, `Pain reached ${worst}/10 during the last session (above ${PAIN_ALLOWED}/10)`);
}

function morningPainRule(h: History): Decision | null {
  const morning = morningCheckin(h);
  if (morning === undefined) return null;
  const before = h.checkins.filter((c) => c.date <= h.last.date).at(-1);
  let why: string;
  if (morning.pain > PAIN_ALLOWED) {
    why = `Next-morning pain was ${morning.pain}/10 after the last session (above ${PAIN_ALLOWED}/10)`;
  } else if (before !== undefined && morning.pain > before.pain) {
    why = `Next-morning pain was ${morning.pain}/10 after the last session, not back to the ${before.pain}/10 before it`;
  } else {
    return null;
  }
  const { target } = prescriptionAt(h.input, h.sessions.length - 1);
  const load = h.working.load;
  return {
    action: 'hold',
    load,
    target,
    reasons: () => [
      `${why}: hold ${loadWords(load, h.input)} and aim for ${measured(target, h.settings.measure)} again until it settles.`,
      PAIN_MODEL,
    ],
  };
}

function weeklyPainRule(h: History): Decision | null {
  const thisWeek = painReadings(h, 0);
  const weekBefore = painReadings(h, 7);
  if (thisWeek.length === 0 || weekBefore.length === 0) return null;
  const now = oneDecimal(average(thisWeek));
  const then = oneDecimal(average(weekBefore));
  const rise = oneDecimal(now - then);
  if (rise < WEEKLY_PAIN_RISE) return null;
  return regressDecision(
    h,
    `Average pain over the last 7 days was ${now}/10, up from ${then}/10 the 7 days before (+${rise}, ${WEEKLY_PAIN_RISE} or more)`,
  );
}

/**
 * Pain readings of the 7 days ending `offset` days before today: check-ins, and the worst pain
 * of each session ([design]: one reading per session, however many sets it had).
 */
function painReadings(h: History, offset: number): number[] {
  const today = dayNumber(h.today);
  const inWeek = (date: string) => {
    const ago = today - dayNumber(date);
    return ago >= offset && ago <= offset + 6;
  };
  const readings = h.checkins.filter((c) => inWeek(c.date)).map((c) => c.pain);
  for (const session of h.sessions) {
    const worst = inWeek(session.date) ? worstPain(session) : null;
    if (worst !== null) readings.push(worst);
  }
  return readings;
}

/** The highest pain logged in the session, or null when no set has one. */
function worstPain(session: Session): number | null {
  let worst: number | null = null;
  for (const set of session.sets) if (set.pain !== null && (worst === null || set.pain > worst)) worst = set.pain;
  return worst;
}

/** The check-in the day after the last session, or the first one within 2 days of it. */
function morningCheckin(h: History): PainCheckin | undefined {
  return h.checkins.find((c) => {
    const after = daysBetween(h.last.date, c.date);
    return after >= 1 && after <= MORNING_WINDOW_DAYS;
  });
}

/** A missing check-in is noted, never punished. */
function checkinNotes(h: History): string[] {
  return morningCheckin(h) === undefined ? [NO_CHECKIN] : [];
}

function regressDecision(h: History, why: string): Decision {
  const load = loadWith(h, regressAmount(amountOf(h.working.load), h.increment, h.step));
  const change = cannotGoLower(h)
    ? `regress, but ${cannotGoLowerPhrase(load, h)}`
    : `regress to ${loadWords(load, h.input)} (one increment of ${amountWords(h.increment, h)} or −10 %, whichever is larger, rounded down to the step)`;
  return {
    action: 'regress',
    load,
    target: h.range.min,
    reasons: () => [
      `${why}: ${change}, back to ${measured(h.range.min, h.settings.measure)}.`,
      PAIN_MODEL,
    ],
  };
}

// ── 4. Performance ───────────────────────────────────────────────────────────────────────────

/** The last session against what was prescribed for it: progress, hold, or deload. */
function performanceRule(h: History): Decision {
  if (h.settings.measure === 'seconds') return timedRule(h);
  return h.settings.model === 'linear' ? linearRule(h) : doubleRule(h);
}

/** Double progression: every working set at the top of the range, at the prescribed load, RPE < 9.5. */
function doubleRule(h: History): Decision {
  const { values, load } = h.working;
  const { min, max } = h.range;
  const planned = prescriptionAt(h.input, h.sessions.length - 1);
  const top = values.every((v) => v >= max);
  const loadOk = atLeast(load, planned.load);
  const rpe = hardestRpe(h.last);
  const exhausted = rpe !== null && rpe >= RPE_NO_REPS_LEFT;
  if (top && loadOk && !exhausted) {
    return progressDecision(h, min, () => `every set reached the top of the range (${measured(max, 'reps')}) at the prescribed ${loadWords(planned.load, h.input)} or more`);
  }
  const failed = (vs: number[]) => vs.some((v) => v < min);
  if (failed(values)) {
    const what = `a set below the bottom of the range (${measured(min, 'reps')})`;
    return failureDecision(h, { failed, holdTarget: min, deloadTarget: min, what });
  }
  if (top && !loadOk) return belowPrescribedDecision(h, planned.load, max);
  const target = Math.min(max, Math.min(...values) + 1);
  const why = () => exhausted
    ? `Last time ${done(h)} at RPE ${rpe}, with no reps left (Zourdos 2016, Helms 2016: RPE 9.5 = no more reps): progress when every set reaches ${max} below RPE ${RPE_NO_REPS_LEFT}.`
    : `Last time ${done(h)}: progress when every set reaches ${max} at ${loadWords(load, h.input)} or more.`;
  return holdDecision(h, load, target, why);
}

/** Linear progression (StrongLifts): every working set at the fixed target, at the prescribed load. */
function linearRule(h: History): Decision {
  const { values, load } = h.working;
  const target = h.range.max;
  const planned = prescriptionAt(h.input, h.sessions.length - 1);
  const hit = values.every((v) => v >= target);
  if (hit && atLeast(load, planned.load)) {
    return progressDecision(h, target, () => `every set reached the target of ${measured(target, 'reps')} at the prescribed ${loadWords(planned.load, h.input)} or more`);
  }
  if (!hit) {
    const failed = (vs: number[]) => vs.some((v) => v < target);
    const what = `a set below the target (${measured(target, 'reps')})`;
    return failureDecision(h, { failed, holdTarget: target, deloadTarget: target, what });
  }
  return belowPrescribedDecision(h, planned.load, target);
}

/** Timed holds: every working set held the last target at the prescribed load → seconds first, then load. */
function timedRule(h: History): Decision {
  const { values, load } = h.working;
  const { min, max, increment } = h.settings.seconds;
  const planned = prescriptionAt(h.input, h.sessions.length - 1);
  const held = values.every((v) => v >= planned.target);
  const loadOk = atLeast(load, planned.load);
  if (held && loadOk && planned.target + increment <= max) return longerHoldDecision(h, planned.target + increment);
  if (held && loadOk) {
    return progressDecision(h, min, () => `every hold reached ${planned.target} s, the top of the ${min}–${max} s range`);
  }
  const failed = (vs: number[]) => vs.some((v) => v < min);
  if (failed(values)) {
    return failureDecision(h, { failed, holdTarget: planned.target, deloadTarget: min, what: `a hold shorter than ${min} s` });
  }
  if (held) return belowPrescribedDecision(h, planned.load, planned.target);
  return holdDecision(h, load, planned.target, () => `Last time ${done(h)}: the hold goes up when every set reaches ${planned.target} s at ${loadWords(load, h.input)} or more.`);
}

function longerHoldDecision(h: History, target: number): Decision {
  const { increment } = h.settings.seconds;
  return {
    action: 'progress',
    load: h.working.load,
    target,
    reasons: () => [
      `Progress: hold ${target} s (+${increment} s) at ${loadWords(h.working.load, h.input)}.`,
      `Last time ${done(h)}: every set held the ${target - increment} s target at the prescribed load or more.`,
      modelSentence(h.settings),
    ],
  };
}

function progressDecision(h: History, target: number, why: () => string): Decision {
  const from = h.working.load;
  const load = loadWith(h, progressAmount(amountOf(from), h.increment, h.step));
  return {
    action: 'progress',
    load,
    target,
    reasons: () => [
      `Progress: ${loadWords(from, h.input)} → ${loadWords(load, h.input)}, aiming for ${measured(target, h.settings.measure)}.`,
      `Last time ${done(h)}: ${why()}.`,
      `One increment is ${amountWords(h.increment, h)} on ${amountWords(h.step, h)} steps; a progression adds at least one step and never more than 10 % (ACSM 2009: 2–10 %).`,
    ],
  };
}

/** What makes a session a failure, and the targets after one. */
interface Failure {
  failed: (values: number[]) => boolean;
  holdTarget: number;
  deloadTarget: number;
  /** What failed, for the reasons: "a set below the bottom of the range (8 reps)". */
  what: string;
}

/** A failed session repeats the load; three in a row at one load take 10 % off (StrongLifts). */
function failureDecision(h: History, failure: Failure): Decision {
  const { failed, holdTarget, deloadTarget, what } = failure;
  const streak = failureStreak(h, failed);
  const load = h.working.load;
  if (streak < FAILURES_BEFORE_DELOAD) {
    return holdDecision(h, load, holdTarget, () => `Last time ${done(h)}: ${what} makes a failed session, ${streak} in a row at ${loadWords(load, h.input)}. ${FAILED_SESSIONS}`);
  }
  const lowered = loadWith(h, reduceAmount(amountOf(load), DELOAD_FRACTION, h.step));
  return {
    action: 'deload',
    load: lowered,
    target: deloadTarget,
    reasons: () => [
      `${streak} failed sessions in a row at ${loadWords(load, h.input)}: deload −${percent(DELOAD_FRACTION)} %, ${loweredTo(h, lowered)}, aiming for ${measured(deloadTarget, h.settings.measure)}.`,
      `Last time ${done(h)}: ${what}.`,
      FAILED_SESSIONS,
    ],
  };
}

/** The target was reached, but below the prescribed load: no progress, the prescribed load stays. */
function belowPrescribedDecision(h: History, prescribed: Load, target: number): Decision {
  return holdDecision(
    h,
    prescribed,
    target,
    () => `Last time ${done(h)}: the target was reached at ${loadWords(h.working.load, h.input)}, below the prescribed ${loadWords(prescribed, h.input)}, so the load stays at ${loadWords(prescribed, h.input)}; progress comes from reaching it at the prescribed load.`,
  );
}

function holdDecision(h: History, load: Load, target: number, why: () => string): Decision {
  return {
    action: 'hold',
    load,
    target,
    reasons: () => [`Hold ${loadWords(load, h.input)} and aim for ${measured(target, h.settings.measure)} in every set.`, why()],
  };
}

/** Failed sessions in a row, newest first, at the same working load as the last one. */
function failureStreak(h: History, failed: (values: number[]) => boolean): number {
  let streak = 0;
  for (let i = h.sessions.length - 1; i >= 0; i--) {
    const session = h.sessions[i];
    if (session === undefined) break;
    const working = workingSets(session, h.settings.measure);
    if (!sameLoad(working.load, h.working.load) || !failed(working.values)) break;
    streak++;
  }
  return streak;
}

// ── Loads and words ──────────────────────────────────────────────────────────────────────────

/**
 * A new amount as a load of the right kind: bodyweight (or assisted) on held equipment becomes
 * an external weight once it goes above 0 (the dumbbell is held, not strapped on), and an external weight of
 * an exercise that started at bodyweight goes back to bodyweight at 0.
 */
function loadWith(h: History, amount: number): Load {
  const from = h.working.load;
  if (from.kind === 'bodyweight' && from.added <= 0 && amount > 0 && HELD_EQUIPMENT.has(h.settings.equipment)) {
    return { kind: 'external', value: tidy(amount), unit: h.unit };
  }
  if (from.kind === 'external' && amount <= 0 && h.settings.start.kind === 'bodyweight') {
    return { kind: 'bodyweight', added: 0, unit: h.unit };
  }
  return withAmount(from, amount, h.unit);
}

function cannotGoLower(h: History): boolean {
  return amountOf(h.working.load) === 0;
}

/** "rounded down to 22 kg", or why a load at bodyweight (or 0) stays where it is. */
function loweredTo(h: History, load: Load): string {
  return cannotGoLower(h) ? `but ${cannotGoLowerPhrase(load, h)}` : `rounded down to ${loadWords(load, h.input)}`;
}

function cannotGoLowerPhrase(load: Load, h: History): string {
  const instead = h.settings.measure === 'seconds' ? 'shorter holds' : 'fewer reps or a smaller range of motion';
  return `${loadWords(load, h.input)} cannot go lower, so the easing comes from ${instead}`;
}

/** A load in the reasons, in the unit the person reads in (`displayUnit`), else as logged. */
function loadWords(load: Load, input: Pick<PrescribeInput, 'displayUnit'>): string {
  return formatLoadIn(load, input.displayUnit);
}

/** An amount in the unit of the working load (an increment, a step), as `loadWords` shows loads. */
function amountWords(amount: number, h: History): string {
  return loadWords({ kind: 'external', value: amount, unit: h.unit }, h.input);
}

function withNotes(decision: Decision, notes: () => string[]): Decision {
  return { ...decision, reasons: () => [...decision.reasons(), ...notes()] };
}

function rangeOf(settings: ExerciseSettings): { min: number; max: number } {
  return settings.measure === 'seconds'
    ? { min: settings.seconds.min, max: settings.seconds.max }
    : { min: settings.reps.min, max: settings.reps.max };
}

function valueOf(set: SessionSet, measure: Measure): number {
  return (measure === 'seconds' ? set.seconds : set.reps) ?? 0;
}

function sameLoad(a: Load, b: Load): boolean {
  return sameKg(comparableKg(a), comparableKg(b));
}

function sameKg(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_LOAD_KG;
}

function atLeast(done: Load, prescribed: Load): boolean {
  return comparableKg(done) >= comparableKg(prescribed) - LOAD_TOLERANCE_KG;
}

function hardestRpe(session: Session): number | null {
  const rpes = session.sets.flatMap((set) => (set.rpe === null ? [] : [set.rpe]));
  return rpes.length === 0 ? null : Math.max(...rpes);
}


/** "25 kg × 10, 10, 9" or "bodyweight × 30, 30, 25 s". */
function done(h: History): string {
  const suffix = h.settings.measure === 'seconds' ? ' s' : '';
  return `${loadWords(h.working.load, h.input)} × ${h.working.values.join(', ')}${suffix}`;
}

function measured(value: number, measure: Measure): string {
  if (measure === 'seconds') return `${value} s`;
  return `${value} ${value === 1 ? 'rep' : 'reps'}`;
}

function percent(fraction: number): number {
  return Math.round(fraction * 100);
}

function average(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}
