import { describe, expect, it } from 'vitest';
import type { DatedBodyweight } from '../../src/domain/bodyweight.js';
import { bestE1rmKg, epley } from '../../src/domain/e1rm.js';
import {
  consistencyWindowStart,
  deriveMilestones,
  exerciseKey,
  marksToDate,
  milestonesForNext,
  milestonesToList,
  reviewSchedule,
  type ExerciseFacts,
  type Milestone,
  type MilestoneInput,
} from '../../src/domain/milestones.js';
import type { ExerciseSettings, Load, Session, Unit } from '../../src/domain/types.js';
import { externalKg } from '../../src/domain/units.js';

// ── Builders ─────────────────────────────────────────────────────────────────────────────────

/** Day n of the test calendar: day(0) = Mon 2026-03-02. */
function day(n: number): string {
  return new Date(Date.UTC(2026, 2, 2 + n)).toISOString().slice(0, 10);
}

const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });
const lb = (value: number): Load => ({ kind: 'external', value, unit: 'lb' });
const bw = (added = 0, unit: Unit = 'kg'): Load => ({ kind: 'bodyweight', added, unit });

function settings(overrides: Partial<ExerciseSettings> = {}): ExerciseSettings {
  return {
    model: 'double',
    measure: 'reps',
    sets: 3,
    reps: { min: 8, max: 12 },
    seconds: { min: 20, max: 45, increment: 5 },
    equipment: 'dumbbell',
    increment: { kg: 2, lb: 5 },
    step: { kg: 2, lb: 5 },
    start: bw(),
    pattern: 'squat',
    ...overrides,
  };
}

const hinge = (overrides: Partial<ExerciseSettings> = {}) =>
  settings({ equipment: 'kettlebell', start: kg(8), pattern: 'hinge', reps: { min: 8, max: 15 }, ...overrides });

/** One session of three working sets. */
function session(n: number, load: Load, reps: number[] = [10, 10, 10]): Session {
  return { date: day(n), sets: reps.map((r) => ({ reps: r, seconds: null, load, rpe: null, pain: null })) };
}

/**
 * The facts the database would give for these sessions as of `today` (an in-memory stand-in for
 * MilestoneRepository, whose SQL is checked against the same meanings in test/db).
 */
function facts(name: string, s: ExerciseSettings, sessions: Session[], today: string, bodyweight: DatedBodyweight | null = null): ExerciseFacts {
  const upTo = sessions.filter((x) => x.date <= today).sort((a, b) => a.date.localeCompare(b.date));
  const sets = upTo.flatMap((x) => x.sets.map((set) => ({ ...set, date: x.date })));
  const best = (value: (set: (typeof sets)[number]) => number | null) => {
    let found: { kg: number; load: Load; date: string } | null = null;
    for (const set of sets) {
      const v = value(set);
      if (v !== null && (found === null || v > found.kg)) found = { kg: v, load: set.load, date: set.date };
    }
    return found;
  };
  const e1rm = (set: (typeof sets)[number]) => (set.reps === null ? null : epley(externalKg(set.load), set.reps));
  const known = {
    name,
    settings: s,
    first: upTo[0] ?? null,
    firstWithE1rm: upTo.find((x) => bestE1rmKg(x.sets) !== null) ?? null,
    heaviest: upTo.length === 0 ? null : best((set) => externalKg(set.load)),
    bestE1rm: best(e1rm),
  };
  const reachedOn = new Map<string, string>();
  for (const mark of marksToDate(known, bodyweight)) {
    const metric = mark.metric === 'load' ? (set: (typeof sets)[number]) => externalKg(set.load) : e1rm;
    const first = sets.find((set) => (metric(set) ?? -1) >= mark.targetKg - 1e-6);
    if (first) reachedOn.set(mark.id, first.date);
  }
  const atReviews = new Map<string, Session | null>();
  const firstDate = upTo[0]?.date;
  if (firstDate !== undefined) {
    for (const review of reviewSchedule(firstDate)) {
      if (review.date <= today) atReviews.set(review.id, upTo.filter((x) => x.date <= review.date).at(-1) ?? null);
    }
  }
  return { ...known, reachedOn, atReviews };
}

interface Scenario {
  today: string;
  exercises?: Array<{ name: string; settings: ExerciseSettings; sessions: Session[] }>;
  trainingDates?: string[];
  bodyweight?: DatedBodyweight | null;
  acknowledged?: Array<[string, string]>;
  /** The first session of the log; default the earliest session of any exercise. */
  firstLogDate?: string | null;
  /** `--units`. */
  displayUnit?: Unit;
}

function derive(scenario: Scenario): Milestone[] {
  const exercises = scenario.exercises ?? [];
  const bodyweight = scenario.bodyweight ?? null;
  const allDates = exercises.flatMap((e) => e.sessions.map((x) => x.date)).filter((d) => d <= scenario.today).sort();
  const input: MilestoneInput = {
    today: scenario.today,
    exercises: exercises.map((e) => facts(e.name, e.settings, e.sessions, scenario.today, bodyweight)),
    firstLogDate: scenario.firstLogDate !== undefined ? scenario.firstLogDate : (allDates[0] ?? null),
    trainingDates: scenario.trainingDates ?? [...new Set(allDates)].filter((d) => d >= consistencyWindowStart(scenario.today)),
    bodyweight,
    acknowledged: new Map(scenario.acknowledged ?? []),
    displayUnit: scenario.displayUnit,
  };
  return deriveMilestones(input);
}

const byId = (milestones: Milestone[], id: string) => milestones.find((m) => m.id === id);
const statusOf = (milestones: Milestone[], id: string) => {
  const found = byId(milestones, id);
  return found ? `${found.status} ${found.date ?? 'undated'}` : 'absent';
};

const SQUAT = 'Goblet squat';
const RDL = 'Romanian deadlift';

/** A goblet squat from bodyweight (day 0) up to `load` on day `n`. */
const squatTo = (n: number, load: Load) => [{ name: SQUAT, settings: settings(), sessions: [session(0, bw(), [8, 8, 8]), session(n, load)] }];

// ── The suitcase band ────────────────────────────────────────────────────────────────────────

describe('the suitcase band (the seed: from squatting body weight to 20–30 kg → re-evaluate)', () => {
  it.each<[string, Scenario, string, string]>([
    ['a squat from bodyweight reaching 20 kg → reached that day', { today: day(30), exercises: squatTo(20, kg(20)) }, 'suitcase-20kg:goblet-squat', `reached ${day(20)}`],
    ['the unit case: 45 lb (20.4 kg) reaches the 20 kg band', { today: day(30), exercises: squatTo(20, lb(45)) }, 'suitcase-20kg:goblet-squat', `reached ${day(20)}`],
    ['44 lb (19.96 kg) does not reach 20 kg', { today: day(30), exercises: squatTo(20, lb(44)) }, 'suitcase-20kg:goblet-squat', 'upcoming undated'],
    ['19.9 kg does not reach 20 kg', { today: day(30), exercises: squatTo(20, kg(19.9)) }, 'suitcase-20kg:goblet-squat', 'upcoming undated'],
    ['30 kg reaches the second mark of the band', { today: day(30), exercises: squatTo(20, kg(30)) }, 'suitcase-30kg:goblet-squat', `reached ${day(20)}`],
    ['20 kg leaves 30 kg upcoming', { today: day(30), exercises: squatTo(20, kg(20)) }, 'suitcase-30kg:goblet-squat', 'upcoming undated'],
    ['bw + 20 kg (a vest) is 20 kg of external load too', { today: day(30), exercises: squatTo(20, bw(20)) }, 'suitcase-20kg:goblet-squat', `reached ${day(20)}`],
    ['the clock is a parameter: as of the day before, not reached', { today: day(19), exercises: squatTo(20, kg(20)) }, 'suitcase-20kg:goblet-squat', 'upcoming undated'],
    [
      'the first day it was reached counts, not the heaviest day',
      { today: day(40), exercises: [{ name: SQUAT, settings: settings(), sessions: [session(0, bw()), session(10, kg(20)), session(20, kg(18)), session(30, kg(24))] }] },
      'suitcase-20kg:goblet-squat',
      `reached ${day(10)}`,
    ],
    [
      'a squat whose first session had a weight did not start at bodyweight: no band by default',
      { today: day(30), exercises: [{ name: SQUAT, settings: settings(), sessions: [session(0, kg(10)), session(20, kg(20))] }] },
      'suitcase-20kg:goblet-squat',
      'absent',
    ],
    [
      'a hinge gets no band by default (the seed speaks of squatting)',
      { today: day(30), exercises: [{ name: RDL, settings: hinge({ start: bw() }), sessions: [session(0, bw()), session(20, kg(20))] }] },
      'suitcase-20kg:romanian-deadlift',
      'absent',
    ],
    [
      'a squat with no session yet shows the band as upcoming (its start is bodyweight)',
      { today: day(0), exercises: [{ name: SQUAT, settings: settings(), sessions: [] }] },
      'suitcase-20kg:goblet-squat',
      'upcoming undated',
    ],
    [
      'thresholds are settings: loadsKg [40] on a hinge',
      { today: day(30), exercises: [{ name: RDL, settings: hinge({ milestones: { loadsKg: [40] } }), sessions: [session(0, kg(8)), session(20, kg(40))] }] },
      'suitcase-40kg:romanian-deadlift',
      `reached ${day(20)}`,
    ],
    [
      'an empty loadsKg turns the band off',
      { today: day(30), exercises: [{ name: SQUAT, settings: settings({ milestones: { loadsKg: [] } }), sessions: [session(0, bw()), session(20, kg(30))] }] },
      'suitcase-20kg:goblet-squat',
      'absent',
    ],
  ])('%s', (_rule, scenario, id, expected) => {
    expect(statusOf(derive(scenario), id)).toBe(expected);
  });

  it("says what the seed says: strength improved objectively, re-evaluate how the glutes work and how you move, with a clinician", () => {
    const milestone = byId(derive({ today: day(30), exercises: squatTo(20, lb(45)) }), 'suitcase-20kg:goblet-squat');
    expect(milestone?.title).toBe('Goblet squat: 20 kg of external load, the suitcase band');
    expect(milestone?.message).toContain('went from bodyweight to 20 kg of external load on Sun 22 Mar, the weight of a holiday suitcase');
    expect(milestone?.message).toContain('Heaviest so far 45 lb (≈ 20.4 kg).');
    expect(milestone?.message).toMatch(/strength has improved objectively.*re-evaluate how your glutes work and how you move.*clinician/);
    expect(milestone?.details).toMatchObject({ metric: 'load', targetKg: 20, best: { load: lb(45), date: day(20) } });
    expect(milestone?.exercise).toBe(SQUAT);
    expect(milestone?.kind).toBe('suitcase');
  });

  it('a message set for the exercise replaces the default advice', () => {
    const exercises = [{ name: SQUAT, settings: settings({ milestones: { loadMessage: 'Book the physio.' } }), sessions: [session(0, bw()), session(20, kg(20))] }];
    const message = byId(derive({ today: day(30), exercises }), 'suitcase-20kg:goblet-squat')?.message ?? '';
    expect(message).toMatch(/Book the physio\.$/);
    expect(message).not.toContain('clinician');
  });
});

// ── Estimated 1RM ────────────────────────────────────────────────────────────────────────────

describe('estimated 1RM up 50 % and 100 % from the start (Epley; Reynolds 2006: sets of ≤ 10 reps)', () => {
  // Start: 8 kg × 8 → e1RM 10.13 kg. 12 kg × 8 = 15.2 kg (+50 %); 16 kg × 8 = 20.27 kg (+100 %).
  const rdl = (...later: Session[]) => [{ name: RDL, settings: hinge(), sessions: [session(0, kg(8), [8, 8, 8]), ...later] }];

  it.each<[string, Scenario, string, string]>([
    ['12 kg × 8 after 8 kg × 8 → up 50 %', { today: day(30), exercises: rdl(session(14, kg(12), [8, 8, 8])) }, 'e1rm-150:romanian-deadlift', `reached ${day(14)}`],
    ['exactly double (16 kg × 8 after 8 kg × 8) reaches up 100 %', { today: day(30), exercises: rdl(session(28, kg(16), [8, 8, 8])) }, 'e1rm-200:romanian-deadlift', `reached ${day(28)}`],
    ['11.9 kg × 8 is short of +50 %', { today: day(30), exercises: rdl(session(14, kg(11.9), [8, 8, 8])) }, 'e1rm-150:romanian-deadlift', 'upcoming undated'],
    ['12 kg × 12 gives no estimate (Reynolds 2006: > 10 reps)', { today: day(30), exercises: rdl(session(14, kg(12), [12, 12, 12])) }, 'e1rm-150:romanian-deadlift', 'upcoming undated'],
    ['a single at 15.2 kg is 15.2 kg (1 rep → the load)', { today: day(30), exercises: rdl(session(14, kg(15.2), [1])) }, 'e1rm-150:romanian-deadlift', `reached ${day(14)}`],
    [
      'a start of 12 reps has no estimate: the baseline is the first session with one',
      { today: day(30), exercises: [{ name: RDL, settings: hinge(), sessions: [session(0, kg(8), [12, 12, 12]), session(7, kg(8), [8, 8, 8]), session(14, kg(12), [8, 8, 8])] }] },
      'e1rm-150:romanian-deadlift',
      `reached ${day(14)}`,
    ],
    [
      'an exercise that started at bodyweight has no e1RM marks (a percentage of 0 kg means nothing)',
      { today: day(30), exercises: squatTo(20, kg(20)) },
      'e1rm-150:goblet-squat',
      'absent',
    ],
    [
      'percentages are settings: e1rmPercents [125]',
      { today: day(30), exercises: [{ name: RDL, settings: hinge({ milestones: { e1rmPercents: [125] } }), sessions: [session(0, kg(8), [8]), session(14, kg(10), [8])] }] },
      'e1rm-125:romanian-deadlift',
      `reached ${day(14)}`,
    ],
  ])('%s', (_rule, scenario, id, expected) => {
    expect(statusOf(derive(scenario), id)).toBe(expected);
  });

  it('names the start, the mark and the source', () => {
    const milestone = byId(derive({ today: day(30), exercises: rdl(session(14, kg(12), [8, 8, 8])) }), 'e1rm-150:romanian-deadlift');
    expect(milestone?.title).toBe('Romanian deadlift: estimated 1RM up 50 %');
    expect(milestone?.message).toContain('up 50 % from 10.1 kg at the start on Mon 2 Mar');
    expect(milestone?.message).toContain('Reynolds 2006');
    expect(milestone?.details).toMatchObject({ metric: 'e1rm', percentOfStart: 150, start: { date: day(0) } });
  });
});

// ── Body weight ──────────────────────────────────────────────────────────────────────────────

describe('body-weight marks (Dan John: deadlift 1–1.5× body weight, goblet squat 24 kg × 10)', () => {
  const weighed = (value: number, unit: Unit = 'kg'): DatedBodyweight => ({ date: day(0), load: { kind: 'external', value, unit } });

  it.each<[string, Scenario, string, string]>([
    [
      'a hinge at 1× body weight (80 kg at 80 kg) → reached',
      { today: day(60), bodyweight: weighed(80), exercises: [{ name: RDL, settings: hinge(), sessions: [session(0, kg(8)), session(50, kg(80), [5])] }] },
      'bw-1x:romanian-deadlift',
      `reached ${day(50)}`,
    ],
    [
      'a squat at 0.3× body weight: 24 kg at 80 kg (float: 0.3 × 80 = 24.000000000000004)',
      { today: day(60), bodyweight: weighed(80), exercises: squatTo(50, kg(24)) },
      'bw-0.3x:goblet-squat',
      `reached ${day(50)}`,
    ],
    [
      'body weight in lb: 1× 176 lb is 79.8 kg, which 80 kg reaches',
      { today: day(60), bodyweight: weighed(176, 'lb'), exercises: [{ name: RDL, settings: hinge(), sessions: [session(0, kg(8)), session(50, kg(80), [5])] }] },
      'bw-1x:romanian-deadlift',
      `reached ${day(50)}`,
    ],
    [
      'below the mark → upcoming',
      { today: day(60), bodyweight: weighed(80), exercises: [{ name: RDL, settings: hinge(), sessions: [session(0, kg(8)), session(50, kg(60))] }] },
      'bw-1x:romanian-deadlift',
      'upcoming undated',
    ],
    [
      'no body weight recorded → no body-weight marks',
      { today: day(60), exercises: [{ name: RDL, settings: hinge(), sessions: [session(0, kg(8)), session(50, kg(80), [5])] }] },
      'bw-1x:romanian-deadlift',
      'absent',
    ],
    [
      'ratios are settings: bodyweightRatios [1.5] on a hinge',
      { today: day(60), bodyweight: weighed(80), exercises: [{ name: RDL, settings: hinge({ milestones: { bodyweightRatios: [1.5] } }), sessions: [session(0, kg(8)), session(50, kg(120), [3])] }] },
      'bw-1.5x:romanian-deadlift',
      `reached ${day(50)}`,
    ],
    [
      'a bridge has no default body-weight mark',
      { today: day(60), bodyweight: weighed(80), exercises: [{ name: 'Glute bridge', settings: settings({ pattern: 'bridge' }), sessions: [session(0, bw()), session(50, kg(100))] }] },
      'bw-1x:glute-bridge',
      'absent',
    ],
  ])('%s', (_rule, scenario, id, expected) => {
    expect(statusOf(derive(scenario), id)).toBe(expected);
  });
});

// ── Reviews ──────────────────────────────────────────────────────────────────────────────────

describe('reviews at 2, 6 and 12 weeks and 6 and 12 months after the first session ([design] on the research notes)', () => {
  it('are dated from the first session of the log (calendar months for 6 and 12)', () => {
    expect(reviewSchedule('2026-03-02')).toEqual([
      { id: 'review-2w', date: '2026-03-16' },
      { id: 'review-6w', date: '2026-04-13' },
      { id: 'review-12w', date: '2026-05-25' },
      { id: 'review-6m', date: '2026-09-02' },
      { id: 'review-12m', date: '2027-03-02' },
    ]);
    expect(reviewSchedule('2026-08-31').find((r) => r.id === 'review-6m')?.date).toBe('2027-02-28');
  });

  it.each<[string, string, string, string]>([
    ['the day before 2 weeks: upcoming with its date', day(13), 'review-2w', `upcoming ${day(14)}`],
    ['on the day: due', day(14), 'review-2w', `due ${day(14)}`],
    ['long after: still due until acknowledged', day(100), 'review-2w', `due ${day(14)}`],
    ['6 weeks: upcoming at 5 weeks', day(35), 'review-6w', `upcoming ${day(42)}`],
    ['12 weeks: due at day 84', day(84), 'review-12w', `due ${day(84)}`],
  ])('%s', (_rule, today, id, expected) => {
    expect(statusOf(derive({ today, exercises: squatTo(10, kg(10)) }), id)).toBe(expected);
  });

  it('no session yet → no reviews (they count from the first session)', () => {
    expect(derive({ today: day(0), exercises: [{ name: SQUAT, settings: settings(), sessions: [] }] }).filter((m) => m.kind === 'review')).toEqual([]);
  });

  it('show the objective change per exercise since its start: load, e1RM and reps, as of the review date', () => {
    const exercises = [
      { name: SQUAT, settings: settings(), sessions: [session(0, bw(), [8, 8, 8]), session(12, kg(12), [12, 12, 11]), session(20, kg(16), [8, 8, 8])] },
      { name: RDL, settings: hinge(), sessions: [session(1, kg(8), [8, 8, 8]), session(13, kg(12), [8, 8, 8])] },
    ];
    const review = byId(derive({ today: day(30), exercises }), 'review-2w');
    expect(review?.status).toBe('due');
    expect(review?.details).toMatchObject({
      firstSession: day(0),
      exercises: [
        {
          exercise: SQUAT,
          start: { date: day(0), load: bw(), values: [8, 8, 8], externalKg: 0, e1rmKg: null },
          // The last session on or before the review's date (day 14), not the later 16 kg.
          latest: { date: day(12), load: kg(12), values: [12, 12, 11], externalKg: 12 },
          externalKgChange: 12,
          e1rmChangePercent: null,
        },
        { exercise: RDL, start: { load: kg(8) }, latest: { load: kg(12) }, externalKgChange: 4, e1rmChangePercent: 50 },
      ],
    });
  });
});

// ── Consistency ──────────────────────────────────────────────────────────────────────────────

describe('consistency: 4, 8 and 12 weeks in a row with at least two sessions (SPEC §4.1; ACSM 2009: 2–3 days a week)', () => {
  /** Two sessions (Monday and Wednesday) in each of `weeks` weeks from day 0, skipping `gaps` (week indexes). */
  const twicePerWeek = (weeks: number, gaps: number[] = []) =>
    Array.from({ length: weeks }, (_, w) => w)
      .filter((w) => !gaps.includes(w))
      .flatMap((w) => [day(7 * w), day(7 * w + 2)]);

  it.each<[string, string, string[], string, string]>([
    ['4 weeks of two sessions → reached on the second session of week 4', day(30), twicePerWeek(4), 'consistency-4w', `reached ${day(23)}`],
    ['3 weeks → 4 weeks upcoming, at the end of week 4 if kept up', day(20), twicePerWeek(3), 'consistency-4w', `upcoming ${day(27)}`],
    ['a week with one session breaks the run (weeks 3–4 run on: 4 weeks at the end of week 6)', day(40), [...twicePerWeek(5, [2]), day(14)], 'consistency-4w', `upcoming ${day(48)}`],
    ['8 weeks → reached on the second session of week 8', day(60), twicePerWeek(8), 'consistency-8w', `reached ${day(51)}`],
    ['12 weeks → reached', day(90), twicePerWeek(12), 'consistency-12w', `reached ${day(79)}`],
    ['this week still in progress does not break the run (2 weeks so far → 4 weeks on Sunday of week 4)', day(15), twicePerWeek(2), 'consistency-4w', `upcoming ${day(27)}`],
    ['no sessions: 4 weeks from this week', day(3), [], 'consistency-4w', `upcoming ${day(27)}`],
    ['a run that ended still counts as reached (within the last 13 weeks)', day(60), twicePerWeek(4), 'consistency-4w', `reached ${day(23)}`],
  ])('%s', (_rule, today, trainingDates, id, expected) => {
    expect(statusOf(derive({ today, trainingDates, firstLogDate: trainingDates[0] ?? null }), id)).toBe(expected);
  });

  it('looks back 13 full weeks before this one', () => {
    expect(consistencyWindowStart('2026-06-03')).toBe('2026-03-02');
  });
});

// ── Acknowledgement and choosing what to show ────────────────────────────────────────────────

describe('words in the unit the person reads in (--units)', () => {
  const lifted = [{ name: 'KB swing 16 kg', settings: hinge({ milestones: { e1rmMessage: 'Try the 24 kg bell.' } }), sessions: [session(0, kg(10)), session(14, kg(20))] }];

  it('writes every weight of the messages in lb, to one decimal as in kg, and the same milestones with the same ids', () => {
    const inKg = derive({ today: day(20), exercises: lifted });
    const inLb = derive({ today: day(20), exercises: lifted, displayUnit: 'lb' });
    expect(inLb.map((m) => [m.id, m.status, m.date, m.details])).toEqual(inKg.map((m) => [m.id, m.status, m.date, m.details]));
    const mark = byId(inLb, 'e1rm-150:kb-swing-16-kg');
    // Epley: 10 kg × 10 reps is 13.3 kg (29.4 lb); half as much again, 20 kg (44.1 lb).
    expect(byId(inKg, 'e1rm-150:kb-swing-16-kg')?.message).toContain('reached 20 kg on');
    expect(mark?.message).toContain('reached 44.1 lb on');
    expect(mark?.message).toContain('from 29.4 lb at the start');
  });

  it("leaves the exercise's name and the person's own message as they were written", () => {
    const mark = byId(derive({ today: day(20), exercises: lifted, displayUnit: 'lb' }), 'e1rm-150:kb-swing-16-kg');
    expect(mark?.title).toBe('KB swing 16 kg: estimated 1RM up 50 %');
    expect(mark?.message).toContain('Try the 24 kg bell.');
  });

  it('shows a load logged in lb in kg alone, without its kg in brackets beside it', () => {
    const squat = [{ name: SQUAT, settings: settings(), sessions: [session(0, bw(), [8, 8, 8]), session(10, lb(35))] }];
    const asLogged = byId(derive({ today: day(12), exercises: squat }), 'suitcase-20kg:goblet-squat');
    expect(asLogged?.message).toContain('Heaviest so far 35 lb (≈ 15.9 kg)');
    const inKg = byId(derive({ today: day(12), exercises: squat, displayUnit: 'kg' }), 'suitcase-20kg:goblet-squat');
    expect(inKg?.message).toContain('Heaviest so far 15.876 kg,');
    expect(inKg?.title).toBe('Goblet squat: 20 kg of external load, the suitcase band');
  });
});

describe('acknowledged milestones', () => {
  const scenario: Scenario = { today: day(30), exercises: squatTo(20, kg(20)) };

  it('an acknowledged milestone no longer shows in next or the list, but --all still has it', () => {
    const before = derive(scenario);
    expect(milestonesForNext(before).map((m) => m.id)).toContain('suitcase-20kg:goblet-squat');

    const after = derive({ ...scenario, acknowledged: [['suitcase-20kg:goblet-squat', '2026-04-01T08:00:00.000Z']] });
    expect(milestonesForNext(after).map((m) => m.id)).not.toContain('suitcase-20kg:goblet-squat');
    expect(milestonesToList(after).map((m) => m.id)).not.toContain('suitcase-20kg:goblet-squat');
    expect(byId(milestonesToList(after, { all: true }), 'suitcase-20kg:goblet-squat')?.acknowledgedAt).toBe('2026-04-01T08:00:00.000Z');
  });

  it('next shows what is reached or due and the soonest dated upcoming one', () => {
    const shown = milestonesForNext(derive(scenario)).map((m) => `${m.status} ${m.id}`);
    // Upcoming: review-6w on day 42 comes before 4 weeks in a row (day 55 at the earliest).
    expect(shown).toEqual(['due review-2w', 'reached suitcase-20kg:goblet-squat', 'upcoming review-6w']);
  });

  it('the list shows the next upcoming one of each series only; --all shows every one', () => {
    const listed = milestonesToList(derive(scenario)).map((m) => m.id);
    expect(listed).toContain('review-6w');
    expect(listed).not.toContain('review-12w');
    expect(listed).toContain('suitcase-30kg:goblet-squat');
    expect(milestonesToList(derive(scenario), { all: true }).map((m) => m.id)).toContain('review-12m');
  });
});

describe('exerciseKey', () => {
  it.each([
    ['Goblet squat', 'goblet-squat'],
    ['  Romanian  deadlift ', 'romanian-deadlift'],
    ['90/90 Stretch', '90-90-stretch'],
    ['Élévation du bassin', 'elevation-du-bassin'],
    ['!!!', 'exercise'],
  ])('%s → %s', (name, key) => {
    expect(exerciseKey(name)).toBe(key);
  });
});
