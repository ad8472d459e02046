// The next-morning check-in rules of SPEC §4 step 3 at their edges, beside the main table in
// progression.test.ts. Source of every rule: the pain-monitoring model of Silbernagel 2007
// (Am J Sports Med 35:897), from Thomeé 1997; the thresholds marked [design] are ours on it.
import { describe, expect, it } from 'vitest';
import { prescribeNext, type PrescribeInput } from '../../src/domain/progression.js';
import type { ExerciseSettings, Load, PainCheckin, Session } from '../../src/domain/types.js';

/** Day n of the test calendar: day(0) = Mon 2026-03-02. */
const day = (n: number) => new Date(Date.UTC(2026, 2, 2 + n)).toISOString().slice(0, 10);
const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });

const barbell: ExerciseSettings = {
  model: 'double',
  measure: 'reps',
  sets: 3,
  reps: { min: 8, max: 12 },
  seconds: { min: 20, max: 45, increment: 5 },
  equipment: 'barbell',
  increment: { kg: 2.5, lb: 5 },
  step: { kg: 2.5, lb: 5 },
  start: kg(20),
  pattern: 'hinge',
};

/** A session on day n of 3 × 12 at 40 kg: a success, so without pain rules it progresses to 42.5 kg. */
const topOfRange = (n: number, pain: number | null = null): Session => ({
  date: day(n),
  sets: [12, 12, 12].map((reps) => ({ reps, seconds: null, load: kg(40), rpe: null, pain })),
});
const checkin = (n: number, pain: number): PainCheckin => ({ date: day(n), pain });

function input(today: number, sessions: Session[], checkins: PainCheckin[]): PrescribeInput {
  return { settings: barbell, sessions, checkins, today: day(today), defaultUnit: 'kg' };
}

interface Row {
  rule: string;
  given: PrescribeInput;
  action: 'progress' | 'hold' | 'regress';
  load: number;
  reason?: string;
  /** Text no reason may contain. */
  notReason?: string;
}

const rows: Row[] = [
  {
    rule: 'next morning exactly 5/10 is allowed → performance rules (Silbernagel 2007: up to 5/10)',
    given: input(3, [topOfRange(0)], [checkin(1, 5)]),
    action: 'progress',
    load: 42.5,
  },
  {
    rule: 'next morning 6/10 → hold (Silbernagel 2007: pain should settle by the next morning)',
    given: input(3, [topOfRange(0)], [checkin(1, 6)]),
    action: 'hold',
    load: 40,
    reason: 'Next-morning pain was 6/10 after the last session (above 5/10)',
  },
  {
    rule: 'a check-in two days after the session still counts as its morning check-in (Silbernagel 2007; 2 days [design])',
    given: input(3, [topOfRange(0)], [checkin(2, 7)]),
    action: 'hold',
    load: 40,
    reason: 'Next-morning pain was 7/10',
  },
  {
    rule: 'a check-in three days after is not a next-morning check-in: noted as missing, not punished (Silbernagel 2007; [design])',
    given: input(4, [topOfRange(0)], [checkin(3, 7)]),
    action: 'progress',
    load: 42.5,
    reason: 'No next-morning pain check-in after the last session',
  },
  {
    rule: 'a check-in on the day of the session is the level before it, not the morning after (Silbernagel 2007)',
    given: input(3, [topOfRange(1)], [checkin(1, 4), checkin(2, 4)]),
    action: 'progress',
    load: 42.5,
  },
  {
    rule: 'the morning after above the level before the session → hold (Silbernagel 2007: pain must settle back)',
    given: input(3, [topOfRange(1)], [checkin(1, 2), checkin(2, 4)]),
    action: 'hold',
    load: 40,
    reason: 'not back to the 2/10 before it',
  },
  {
    rule: 'the morning after below the level before → performance rules (Silbernagel 2007)',
    given: input(3, [topOfRange(1)], [checkin(0, 4), checkin(2, 3)]),
    action: 'progress',
    load: 42.5,
  },
  {
    rule: 'pain above 5/10 during the session wins over the morning check-in → regress (Silbernagel 2007: during exercise up to 5/10)',
    given: input(3, [topOfRange(0, 7)], [checkin(1, 6)]),
    action: 'regress',
    load: 35,
    reason: 'Pain reached 7/10 during the last session',
  },
  {
    rule: 'weekly average up exactly 2 points → regress (Silbernagel 2007: must not rise week on week; 2 points [design])',
    given: input(14, [topOfRange(12)], [checkin(3, 1), checkin(5, 1), checkin(10, 3), checkin(13, 3)]),
    action: 'regress',
    load: 35,
    reason: 'up from 1/10 the 7 days before (+2, 2 or more)',
  },
  {
    rule: 'weekly average up 1.5 points → no regression (Silbernagel 2007; below the 2 points [design])',
    given: input(14, [topOfRange(12)], [checkin(3, 1), checkin(5, 1), checkin(10, 3), checkin(13, 2)]),
    action: 'progress',
    load: 42.5,
    notReason: 'Average pain over the last 7 days',
  },
  {
    rule: 'weekly average falling → performance rules (Silbernagel 2007)',
    given: input(14, [topOfRange(12)], [checkin(3, 5), checkin(5, 4), checkin(10, 2), checkin(13, 1)]),
    action: 'progress',
    load: 42.5,
  },
  {
    rule: 'no check-ins at all: noted, never punished (SPEC §4 step 3)',
    given: input(3, [topOfRange(0)], []),
    action: 'progress',
    load: 42.5,
    reason: 'not held against you',
  },
];

describe('next-morning check-ins in the rules (SPEC §4 step 3; Silbernagel 2007)', () => {
  it.each(rows)('$rule', ({ given, action, load, reason, notReason }) => {
    const next = prescribeNext(given);
    expect({ action: next.action, load: next.load }).toEqual({ action, load: kg(load) });
    if (reason !== undefined) expect(next.reasons.join('\n')).toContain(reason);
    if (notReason !== undefined) expect(next.reasons.join('\n')).not.toContain(notReason);
  });
});
