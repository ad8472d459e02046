import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE_NOTES, prescribeNext, prescribedLoadFor, workingSets } from '../../src/domain/progression.js';
import type { PrescribeInput } from '../../src/domain/progression.js';
import type { ExerciseSettings, Load, PainCheckin, Session, SessionSet, Unit } from '../../src/domain/types.js';
import { amountOf } from '../../src/domain/units.js';

// ── Builders ─────────────────────────────────────────────────────────────────────────────────

/** Day n of the test calendar as an ISO date: day(0) = 2026-03-02. */
function day(n: number): string {
  return new Date(Date.UTC(2026, 2, 2 + n)).toISOString().slice(0, 10);
}

const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });
const lb = (value: number): Load => ({ kind: 'external', value, unit: 'lb' });
const bw = (added = 0, unit: Unit = 'kg'): Load => ({ kind: 'bodyweight', added, unit });

/** A goblet squat with dumbbells, SPEC §4 defaults: double, 3 × 8–12, 2 kg / 5 lb, start at bodyweight. */
function settings(overrides: Partial<ExerciseSettings> = {}): ExerciseSettings {
  return {
    model: 'double',
    measure: 'reps',
    sets: 3,
    reps: { min: 8, max: 12 },
    seconds: { min: 20, max: 60, increment: 5 },
    equipment: 'dumbbell',
    increment: { kg: 2, lb: 5 },
    step: { kg: 2, lb: 5 },
    start: bw(),
    pattern: 'squat',
    ...overrides,
  };
}

const barbell = (overrides: Partial<ExerciseSettings> = {}) =>
  settings({ equipment: 'barbell', increment: { kg: 2.5, lb: 5 }, step: { kg: 2.5, lb: 5 }, start: kg(20), pattern: 'hinge', ...overrides });

const plank = (overrides: Partial<ExerciseSettings> = {}) =>
  settings({ measure: 'seconds', equipment: 'bodyweight', increment: { kg: 2.5, lb: 5 }, step: { kg: 2.5, lb: 5 }, pattern: 'core', ...overrides });

interface SetOptions {
  rpe?: number;
  pain?: number;
  /** Lighter sets done first (warm-ups): [load, reps]. */
  warmups?: [Load, number][];
}

/** One session of working sets at one load: `reps` of each set. */
function session(n: number, load: Load, reps: number[], options: SetOptions = {}): Session {
  const set = (l: Load, r: number, working: boolean): SessionSet => ({
    reps: r,
    seconds: null,
    load: l,
    rpe: working ? (options.rpe ?? null) : null,
    pain: working ? (options.pain ?? null) : null,
  });
  const warmups = (options.warmups ?? []).map(([l, r]) => set(l, r, false));
  return { date: day(n), sets: [...warmups, ...reps.map((r) => set(load, r, true))] };
}

/** One session of timed holds at one load. */
function holds(n: number, load: Load, seconds: number[]): Session {
  return { date: day(n), sets: seconds.map((s) => ({ reps: null, seconds: s, load, rpe: null, pain: null })) };
}

const checkin = (n: number, pain: number): PainCheckin => ({ date: day(n), pain });

function input(over: Partial<PrescribeInput> & { today: string }): PrescribeInput {
  return { settings: settings(), sessions: [], checkins: [], defaultUnit: 'kg', ...over };
}

/** Check-ins the morning after each session at pain 0, so no row depends on the missing-check-in note. */
const calm = (...days: number[]) => days.map((n) => checkin(n + 1, 0));

// ── The table ────────────────────────────────────────────────────────────────────────────────

interface Row {
  name: string;
  given: PrescribeInput;
  action: string;
  load: Load;
  target: number;
  retest?: boolean;
  /** Text that one of the reasons must contain. */
  reason?: string;
}

const rows: Row[] = [
  {
    name: 'start: no sessions → bodyweight at the bottom of the range (SPEC §4 rule 1)',
    given: input({ today: day(0) }),
    action: 'start',
    load: bw(),
    target: 8,
    reason: 'First session: start at bodyweight at the bottom of the range (8 reps)',
  },
  {
    name: 'start: bodyweight in the user’s units (lb) when nothing is logged yet',
    given: input({ today: day(0), defaultUnit: 'lb' }),
    action: 'start',
    load: bw(0, 'lb'),
    target: 8,
  },
  {
    name: 'double progression: every set at the top of the range → +1 increment, back to the bottom (Liftosaur dp; ACSM 2009)',
    given: input({ today: day(2), sessions: [session(0, kg(24), [12, 12, 12])], checkins: calm(0) }),
    action: 'progress',
    load: kg(26),
    target: 8,
    reason: 'every set reached the top of the range (12 reps)',
  },
  {
    name: 'double progression: warm-up sets at a lighter load do not count (working sets = heaviest load)',
    given: input({
      today: day(2),
      sessions: [session(0, kg(24), [12, 12, 12], { warmups: [[kg(10), 5], [bw(), 8]] })],
      checkins: calm(0),
    }),
    action: 'progress',
    load: kg(26),
    target: 8,
  },
  {
    name: 'double progression: hold and name the rep target (fewest reps + 1)',
    given: input({ today: day(2), sessions: [session(0, kg(25), [10, 10, 9])], checkins: calm(0) }),
    action: 'hold',
    load: kg(25),
    target: 10,
    reason: 'Last time 25 kg × 10, 10, 9: progress when every set reaches 12 at 25 kg or more.',
  },
  {
    name: 'double progression: reps hit at a lower load than prescribed do not progress (research: load check)',
    given: input({
      today: day(4),
      sessions: [session(0, kg(24), [12, 12, 12]), session(2, kg(22), [12, 12, 12])],
      checkins: calm(0, 2),
    }),
    action: 'hold',
    load: kg(26),
    target: 12,
    reason: 'at 22 kg, below the prescribed 26 kg, so the load stays at 26 kg',
  },
  {
    name: 'double progression: reps hit at the prescribed load after a progression do progress (replay)',
    given: input({
      today: day(4),
      sessions: [session(0, kg(24), [12, 12, 12]), session(2, kg(26), [12, 12, 12])],
      checkins: calm(0, 2),
    }),
    action: 'progress',
    load: kg(28),
    target: 8,
  },
  {
    name: 'double progression: RPE 9.5 blocks progress (Zourdos 2016 / Helms 2016: 9.5 = no more reps)',
    given: input({ today: day(2), sessions: [session(0, kg(24), [12, 12, 12], { rpe: 9.5 })], checkins: calm(0) }),
    action: 'hold',
    load: kg(24),
    target: 12,
    reason: 'RPE 9.5',
  },
  {
    name: 'double progression: three failed sessions in a row at one load → deload −10 % (StrongLifts)',
    given: input({
      settings: barbell(),
      today: day(6),
      sessions: [session(0, kg(50), [7, 6, 6]), session(2, kg(50), [7, 7, 6]), session(4, kg(50), [7, 6, 5])],
      checkins: calm(0, 2, 4),
    }),
    action: 'deload',
    load: kg(45),
    target: 8,
    reason: '3 failed sessions in a row at 50 kg: deload −10 %, rounded down to 45 kg',
  },
  {
    name: 'double progression: two failed sessions → hold at the bottom of the range (StrongLifts: a failure repeats the load)',
    given: input({
      settings: barbell(),
      today: day(4),
      sessions: [session(0, kg(50), [7, 6, 6]), session(2, kg(50), [7, 7, 6])],
      checkins: calm(0, 2),
    }),
    action: 'hold',
    load: kg(50),
    target: 8,
    reason: '2 in a row at 50 kg',
  },
  {
    name: 'double progression: failures at different loads are not in a row at the same load (StrongLifts)',
    given: input({
      settings: barbell(),
      today: day(6),
      sessions: [session(0, kg(47.5), [7, 6, 6]), session(2, kg(50), [7, 7, 6]), session(4, kg(50), [7, 6, 5])],
      checkins: calm(0, 2, 4),
    }),
    action: 'hold',
    load: kg(50),
    target: 8,
  },
  {
    name: 'pain 6/10 during the session → regress one step or −10 % (Silbernagel 2007, from Thomeé 1997; extrapolated to back pain)',
    given: input({ settings: barbell(), today: day(2), sessions: [session(0, kg(20), [10, 10, 10], { pain: 6 })], checkins: calm(0) }),
    action: 'regress',
    load: kg(17.5),
    target: 8,
    reason: 'Pain reached 6/10 during the last session (above 5/10)',
  },
  {
    name: 'pain 5/10 during the session is allowed → performance rules (Silbernagel 2007: up to 5/10)',
    given: input({ settings: barbell(), today: day(2), sessions: [session(0, kg(20), [12, 12, 12], { pain: 5 })], checkins: calm(0) }),
    action: 'progress',
    load: kg(22.5),
    target: 8,
  },
  {
    name: 'pain at bodyweight → regress stays at bodyweight: reduce reps or range instead',
    given: input({ today: day(2), sessions: [session(0, bw(), [10, 10, 10], { pain: 7 })], checkins: calm(0) }),
    action: 'regress',
    load: bw(),
    target: 8,
    reason: 'bodyweight cannot go lower, so the easing comes from fewer reps or a smaller range of motion',
  },
  {
    name: 'next-morning check-in 6/10 → hold the load and the target (Silbernagel 2007: pain settles by the next morning)',
    given: input({ today: day(2), sessions: [session(0, kg(24), [12, 12, 12])], checkins: [checkin(1, 6)] }),
    action: 'hold',
    load: kg(24),
    target: 12,
    reason: 'Next-morning pain was 6/10 after the last session (above 5/10)',
  },
  {
    name: 'next-morning check-in not back to the pre-session level → hold (Silbernagel 2007)',
    given: input({ today: day(2), sessions: [session(0, kg(24), [12, 12, 12])], checkins: [checkin(-1, 1), checkin(1, 3)] }),
    action: 'hold',
    load: kg(24),
    target: 12,
    reason: 'not back to the 1/10 before it',
  },
  {
    name: 'next-morning check-in back to the pre-session level → performance rules apply (Silbernagel 2007)',
    given: input({ today: day(2), sessions: [session(0, kg(24), [12, 12, 12])], checkins: [checkin(-1, 3), checkin(1, 3)] }),
    action: 'progress',
    load: kg(26),
    target: 8,
  },
  {
    name: 'weekly average pain up by 2 points → regress (Silbernagel 2007: pain must not rise week on week; 2 points [design])',
    given: input({
      settings: barbell(),
      today: day(14),
      sessions: [session(12, kg(20), [12, 12, 12])],
      checkins: [checkin(4, 1), checkin(5, 1), checkin(11, 4), checkin(13, 3)],
    }),
    action: 'regress',
    load: kg(17.5),
    target: 8,
    reason: 'Average pain over the last 7 days was 3.5/10, up from 1/10 the 7 days before (+2.5, 2 or more)',
  },
  {
    name: 'a missing next-morning check-in is noted but the load still progresses (SPEC §4: noted, not punished)',
    given: input({ today: day(2), sessions: [session(0, kg(24), [12, 12, 12])] }),
    action: 'progress',
    load: kg(26),
    target: 8,
    reason: 'No next-morning pain check-in after the last session',
  },
  {
    name: 'a 10-day gap → no change, the performance rules apply ([design] on McMaster 2013: strength kept ~3 weeks)',
    given: input({ today: day(10), sessions: [session(0, kg(25), [10, 10, 9])], checkins: calm(0) }),
    action: 'hold',
    load: kg(25),
    target: 10,
  },
  {
    name: 'a 15-day gap → −10 %, rounded down, bottom of the range ([design] on McMaster 2013, Bosquet 2013)',
    given: input({ today: day(15), sessions: [session(0, kg(25), [12, 12, 12])], checkins: calm(0) }),
    action: 'resume',
    load: kg(22),
    target: 8,
    retest: false,
    reason: '15 days since the last session (11–21 days): load −10 %, rounded down to 22 kg.',
  },
  {
    name: 'a 30-day gap → −20 % ([design] on McMaster 2013, Bosquet 2013)',
    given: input({ today: day(30), sessions: [session(0, kg(25), [12, 12, 12])], checkins: calm(0) }),
    action: 'resume',
    load: kg(20),
    target: 8,
    retest: false,
    reason: '30 days since the last session (22–56 days): load −20 %',
  },
  {
    name: 'a 60-day gap → −30 % and re-test ([design] on McMaster 2013, Bosquet 2013)',
    given: input({ today: day(60), sessions: [session(0, kg(25), [12, 12, 12])], checkins: calm(0) }),
    action: 'resume',
    load: kg(16),
    target: 8,
    retest: true,
    reason: 're-test before trusting this load',
  },
  {
    name: 'a 30-day gap at bodyweight stays at bodyweight: reduce reps or range instead ([design] on McMaster 2013)',
    given: input({ today: day(30), sessions: [session(0, bw(), [12, 12, 12])], checkins: calm(0) }),
    action: 'resume',
    load: bw(),
    target: 8,
    reason: 'load −20 %, but bodyweight cannot go lower, so the easing comes from fewer reps or a smaller range of motion',
  },
  {
    name: 'rounding to a 2 kg dumbbell step: 25 kg progresses to 26 kg (SPEC §4 step 5)',
    given: input({ today: day(2), sessions: [session(0, kg(25), [12, 12, 12])], checkins: calm(0) }),
    action: 'progress',
    load: kg(26),
    target: 8,
  },
  {
    name: 'the 10 % cap: 40 kg +5 kg is capped at 44 and rounded to 42.5 (ACSM 2009: 2–10 %)',
    given: input({
      settings: barbell({ increment: { kg: 5, lb: 10 } }),
      today: day(2),
      sessions: [session(0, kg(40), [12, 12, 12])],
      checkins: calm(0),
    }),
    action: 'progress',
    load: kg(42.5),
    target: 8,
  },
  {
    name: 'at least one step at small loads: 8 kg kettlebell → 12 kg (SPEC §4 step 5 over ACSM 2009’s 10 %)',
    given: input({
      settings: settings({ equipment: 'kettlebell', increment: { kg: 4, lb: 10 }, step: { kg: 4, lb: 10 } }),
      today: day(2),
      sessions: [session(0, kg(8), [12, 12, 12])],
      checkins: calm(0),
    }),
    action: 'progress',
    load: kg(12),
    target: 8,
  },
  {
    name: 'timed hold: every hold at the target → progress the seconds, same load (SPEC §4: seconds, then load)',
    given: input({ settings: plank(), today: day(2), sessions: [holds(0, bw(), [30, 30, 30])], checkins: calm(0) }),
    action: 'progress',
    load: bw(),
    target: 35,
    reason: 'hold 35 s (+5 s)',
  },
  {
    name: 'timed hold: at the top of the seconds range → progress the load, back to the bottom (SPEC §4)',
    given: input({ settings: plank(), today: day(2), sessions: [holds(0, bw(), [60, 60, 60])], checkins: calm(0) }),
    action: 'progress',
    load: bw(2.5),
    target: 20,
  },
  {
    name: 'timed hold after a 30-day gap at bodyweight: back to the shortest hold ([design] on McMaster 2013)',
    given: input({ settings: plank(), today: day(30), sessions: [holds(0, bw(), [40, 40, 40])], checkins: calm(0) }),
    action: 'resume',
    load: bw(),
    target: 20,
    reason: 'bodyweight cannot go lower, so the easing comes from shorter holds',
  },
  {
    name: 'timed hold: short of the last target → hold the target (SPEC §4)',
    given: input({
      settings: plank(),
      today: day(4),
      sessions: [holds(0, bw(), [30, 30, 30]), holds(2, bw(), [35, 30, 30])],
      checkins: calm(0, 2),
    }),
    action: 'hold',
    load: bw(),
    target: 35,
  },
  {
    name: 'linear progression: every set at the target → +1 increment (StrongLifts)',
    given: input({
      settings: barbell({ model: 'linear', reps: { min: 5, max: 5 } }),
      today: day(2),
      sessions: [session(0, kg(50), [5, 5, 5])],
      checkins: calm(0),
    }),
    action: 'progress',
    load: kg(52.5),
    target: 5,
  },
  {
    name: 'linear progression: three failed sessions in a row → −10 % (StrongLifts)',
    given: input({
      settings: barbell({ model: 'linear', reps: { min: 5, max: 5 } }),
      today: day(6),
      sessions: [session(0, kg(50), [5, 5, 4]), session(2, kg(50), [5, 4, 4]), session(4, kg(50), [5, 5, 3])],
      checkins: calm(0, 2, 4),
    }),
    action: 'deload',
    load: kg(45),
    target: 5,
  },
  {
    name: 'linear progression: one failed session repeats the load (StrongLifts)',
    given: input({
      settings: barbell({ model: 'linear', reps: { min: 5, max: 5 } }),
      today: day(2),
      sessions: [session(0, kg(50), [5, 5, 4])],
      checkins: calm(0),
    }),
    action: 'hold',
    load: kg(50),
    target: 5,
  },
  {
    name: 'a session logged in lb prescribes in lb (SPEC §2.1: loads stay as entered)',
    given: input({ today: day(2), sessions: [session(0, lb(55), [12, 12, 12])], checkins: calm(0) }),
    action: 'progress',
    load: lb(60),
    target: 8,
  },
  {
    name: 'assisted bodyweight bw − 20 kg progresses to bw − 17.5 kg (less assistance, no cap from below 0)',
    given: input({
      settings: settings({ equipment: 'bodyweight', increment: { kg: 2.5, lb: 5 }, step: { kg: 2.5, lb: 5 } }),
      today: day(2),
      sessions: [session(0, bw(-20), [12, 12, 12])],
      checkins: calm(0),
    }),
    action: 'progress',
    load: bw(-17.5),
    target: 8,
  },
  {
    name: 'a bodyweight-start dumbbell goblet squat progresses to an external 2 kg (the weight is held)',
    given: input({ today: day(2), sessions: [session(0, bw(), [12, 12, 12])], checkins: calm(0) }),
    action: 'progress',
    load: kg(2),
    target: 8,
  },
  {
    name: 'a bodyweight exercise (equipment bodyweight) progresses to bw + one increment',
    given: input({
      settings: settings({ equipment: 'bodyweight', increment: { kg: 2.5, lb: 5 }, step: { kg: 2.5, lb: 5 } }),
      today: day(2),
      sessions: [session(0, bw(), [12, 12, 12])],
      checkins: calm(0),
    }),
    action: 'progress',
    load: bw(2.5),
    target: 8,
  },
];

describe('prescribeNext (SPEC §4 decision order)', () => {
  it.each(rows)('$name', ({ given, action, load, target, retest, reason }) => {
    const next = prescribeNext(given);
    expect({ action: next.action, load: next.load, target: next.target }).toEqual({ action, load, target });
    if (retest !== undefined) expect(next.retest).toBe(retest);
    if (reason !== undefined) expect(next.reasons.join('\n')).toContain(reason);
    expect(next.reasons.length).toBeGreaterThan(0);
    expect(next.sets).toBe(given.settings.sets);
    expect(next.lastSession).toBe(given.sessions.at(-1)?.date ?? null);
  });

  it('each source note, which `next` explains once and then names, is one whole reason of the decisions that cite it', () => {
    const pain = prescribeNext(input({ today: day(2), sessions: [session(0, kg(24), [12, 12, 12], { pain: 6 })] }));
    const layoff = prescribeNext(input({ today: day(15), sessions: [session(0, kg(25), [12, 12, 12])], checkins: calm(0) }));
    const failed = [session(0, kg(50), [7, 6, 6]), session(2, kg(50), [7, 7, 6]), session(4, kg(50), [7, 6, 5])];
    const deload = prescribeNext(input({ settings: barbell(), today: day(6), sessions: failed, checkins: calm(0, 2, 4) }));
    const cited = [pain, layoff, deload].map((next) => next.reasons.filter((reason) => SOURCE_NOTES.has(reason)).map((reason) => SOURCE_NOTES.get(reason)));
    expect(cited).toEqual([
      ['Pain-monitoring model (Silbernagel 2007, from Thomeé 1997)'],
      ['Strength after a break (McMaster 2013; Bosquet 2013)'],
      ['StrongLifts on failed sessions'],
    ]);
  });

  it('pain reasons say the model comes from Achilles tendinopathy (Silbernagel 2007: extrapolation to back pain)', () => {
    const next = prescribeNext(input({ today: day(2), sessions: [session(0, kg(24), [12, 12, 12], { pain: 6 })] }));
    expect(next.reasons.join(' ')).toMatch(/Achilles tendinopathy.*extrapolation/);
  });

  it('writes the loads of its reasons in displayUnit (--units), and prescribes the same load, as logged', () => {
    const given = input({ today: day(2), sessions: [session(0, lb(55), [12, 12, 12])], checkins: calm(0) });
    const asLogged = prescribeNext(given);
    const inKg = prescribeNext({ ...given, displayUnit: 'kg' });
    expect(inKg.load).toEqual(asLogged.load);
    expect(asLogged.reasons.join('\n')).toContain('Progress: 55 lb → 60 lb');
    // 55 lb = 24.948 kg, 60 lb = 27.216 kg; the increment, 5 lb, is 2.268 kg.
    expect(inKg.reasons.join('\n')).toContain('Progress: 24.948 kg → 27.216 kg');
    expect(inKg.reasons.join('\n')).toContain('One increment is 2.268 kg');
    expect(inKg.reasons.join('\n')).not.toMatch(/\blb\b/);
  });

  it('ignores sessions and check-ins dated after today (the clock is a parameter)', () => {
    const next = prescribeNext(
      input({ today: day(2), sessions: [session(0, kg(24), [12, 12, 12]), session(5, kg(30), [1])], checkins: [checkin(4, 9)] }),
    );
    expect(next.action).toBe('progress');
    expect(next.lastSession).toBe(day(0));
  });
});

describe('prescribedLoadFor (replay)', () => {
  it('the first session counts as done at its prescribed load; later ones get what the engine said on their date', () => {
    const given = input({
      today: day(6),
      sessions: [session(0, kg(24), [12, 12, 12]), session(2, kg(22), [12, 12, 12]), session(4, kg(26), [9, 9, 8])],
      checkins: calm(0, 2, 4),
    });
    expect(prescribedLoadFor(given, 0)).toEqual(kg(24));
    expect(prescribedLoadFor(given, 1)).toEqual(kg(26));
    expect(prescribedLoadFor(given, 2)).toEqual(kg(26));
  });

  it('working sets are the sets at the heaviest load', () => {
    const s = session(0, kg(24), [12, 11], { warmups: [[kg(12), 8]] });
    expect(workingSets(s, 'reps')).toEqual({ load: kg(24), values: [12, 11] });
  });
});

// ── Property ─────────────────────────────────────────────────────────────────────────────────

const settingsArb: fc.Arbitrary<ExerciseSettings> = fc
  .record({
    model: fc.constantFrom('double' as const, 'linear' as const),
    measure: fc.constantFrom('reps' as const, 'seconds' as const),
    equipment: fc.constantFrom('barbell' as const, 'dumbbell' as const, 'kettlebell' as const, 'machine' as const, 'bodyweight' as const),
    repsMin: fc.integer({ min: 1, max: 10 }),
    repsSpan: fc.integer({ min: 0, max: 8 }),
    secondsMin: fc.integer({ min: 5, max: 30 }),
    secondsSpan: fc.integer({ min: 0, max: 60 }),
    stepKg: fc.constantFrom(1, 2, 2.5, 4),
    stepLb: fc.constantFrom(2.5, 5),
    incrementSteps: fc.integer({ min: 1, max: 3 }),
    bodyweightStart: fc.boolean(),
  })
  .map((r) => ({
    model: r.model,
    measure: r.measure,
    sets: 3,
    reps: { min: r.repsMin, max: r.repsMin + r.repsSpan },
    seconds: { min: r.secondsMin, max: r.secondsMin + r.secondsSpan, increment: 5 },
    equipment: r.equipment,
    increment: { kg: r.stepKg * r.incrementSteps, lb: r.stepLb * r.incrementSteps },
    step: { kg: r.stepKg, lb: r.stepLb },
    start: r.bodyweightStart ? bw() : kg(0),
    pattern: 'other' as const,
  }));

/** `usual` most of the time (so every rule gets reached), `rare` now and then. */
function mostly<A, B>(usual: fc.Arbitrary<A>, rare: fc.Arbitrary<B>): fc.Arbitrary<A | B> {
  return fc.oneof({ arbitrary: usual, weight: 6 }, { arbitrary: rare, weight: 1 });
}

/** Loads on the equipment's steps: external, or bodyweight ± added (assisted below 0). */
function loadArb(s: ExerciseSettings): fc.Arbitrary<Load> {
  return fc.record({ unit: fc.constantFrom<Unit>('kg', 'lb'), k: fc.integer({ min: -8, max: 40 }), external: fc.boolean() }).map(({ unit, k, external }) => {
    const amount = k * s.step[unit];
    return external || s.start.kind === 'external' ? { kind: 'external', value: Math.abs(amount), unit } : bw(amount, unit);
  });
}

/** Up to 12 sessions; most share one load (so failure streaks happen), some sets differ (warm-ups). */
function sessionsArb(s: ExerciseSettings): fc.Arbitrary<Session[]> {
  const setArb = fc.record({
    load: mostly(fc.constant(null), loadArb(s)),
    count: fc.integer({ min: 0, max: 70 }),
    rpe: fc.option(fc.constantFrom(6, 7, 8, 9, 9.5, 10), { nil: null }),
    pain: mostly(fc.constant(null), fc.integer({ min: 0, max: 10 })),
  });
  const gap = mostly(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 70 }));
  const oneSession = fc.record({ gap, load: mostly(fc.constant(null), loadArb(s)), sets: fc.array(setArb, { minLength: 1, maxLength: 5 }) });
  const history = fc.record({ base: loadArb(s), list: fc.array(oneSession, { minLength: 1, maxLength: 12 }) });
  return history.map(({ base, list }) => {
    let n = 0;
    return list.map((one) => {
      n += one.gap;
      const sessionLoad = one.load ?? base;
      return {
        date: day(n),
        sets: one.sets.map(({ load, count, rpe, pain }) => ({
          reps: s.measure === 'reps' ? count : null,
          seconds: s.measure === 'seconds' ? count : null,
          load: load ?? sessionLoad,
          rpe,
          pain,
        })),
      };
    });
  });
}

const scenarioArb = settingsArb.chain((s) =>
  fc.record({
    settings: fc.constant(s),
    sessions: sessionsArb(s),
    extraDays: mostly(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 70 })),
    checkins: fc.array(fc.record({ n: fc.integer({ min: 0, max: 300 }), pain: fc.integer({ min: 0, max: 10 }) }), { maxLength: 10 }),
  }),
);

function isMultiple(amount: number, step: number): boolean {
  const steps = amount / step;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

describe('prescribeNext property (SPEC §4 step 5; ACSM 2009 2–10 %)', () => {
  it('never throws, lands on the step, and progress adds at most max(one step, 10 %)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ settings: s, sessions, extraDays, checkins }) => {
        const last = sessions.at(-1)!;
        const today = day(Math.round((Date.parse(last.date) - Date.parse(day(0))) / 86_400_000) + extraDays);
        const next = prescribeNext({
          settings: s,
          sessions,
          checkins: checkins.map(({ n, pain }) => ({ date: day(n), pain })),
          today,
          defaultUnit: 'kg',
        });
        expect(next.action).not.toBe('start');
        expect(next.reasons.length).toBeGreaterThan(0);
        expect(isMultiple(amountOf(next.load), s.step[next.load.unit])).toBe(true);
        const before = amountOf(workingSets(last, s.measure).load);
        if (next.action === 'progress' && before > 0) {
          const step = s.step[next.load.unit];
          expect(amountOf(next.load) - before).toBeLessThanOrEqual(Math.max(step, before * 0.1) + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });
});
