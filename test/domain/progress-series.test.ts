import { describe, expect, it } from 'vitest';
import type { DatedBodyweight } from '../../src/domain/bodyweight.js';
import { pointIndexOf, progressSeries, spanInWords, volumeLoadKg, type ProgressInput } from '../../src/domain/progress-series.js';
import type { Load, Session, SessionSet } from '../../src/domain/types.js';

const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });
const lb = (value: number): Load => ({ kind: 'external', value, unit: 'lb' });
const bw = (added = 0): Load => ({ kind: 'bodyweight', added, unit: 'kg' });
const set = (load: Load, reps: number | null, seconds: number | null = null): SessionSet => ({ reps, seconds, load, rpe: null, pain: null });
const session = (date: string, ...sets: SessionSet[]): Session => ({ date, sets });
const weighed = (date: string, value: number): DatedBodyweight => ({ date, load: { kind: 'external', value, unit: 'kg' } });

function series(sessions: Session[], overrides: Partial<ProgressInput> = {}) {
  return progressSeries({ metric: 'load', measure: 'reps', sessions, unit: 'kg', maxPoints: 60, bodyweights: [], ...overrides });
}

describe('the value of one session', () => {
  it.each<[string, Partial<ProgressInput>, SessionSet[], number]>([
    ['load: the heaviest set, warm-ups aside', { metric: 'load' }, [set(kg(10), 10), set(kg(20), 8), set(kg(20), 8)], 20],
    ['load: lb shown in kg when the chart is in kg (45 lb = 20.41 kg)', { metric: 'load' }, [set(lb(45), 10)], 20.41],
    ['load: a bodyweight set is its load added (bw + 10 kg → 10)', { metric: 'load' }, [set(bw(10), 10)], 10],
    ['load: an assisted set is negative (bw − 20 kg → −20), so less assistance reads as progress', { metric: 'load' }, [set(bw(-20), 10)], -20],
    ['e1rm: Epley of the best set, w·(1 + r/30)', { metric: 'e1rm' }, [set(kg(30), 10), set(kg(36), 5)], 42],
    ['e1rm: sets of more than 10 reps give none (Reynolds 2006)', { metric: 'e1rm' }, [set(kg(40), 12), set(kg(30), 10)], 40],
    ['volume: load × reps summed over every set', { metric: 'volume' }, [set(kg(20), 10), set(kg(20), 10), set(kg(20), 8)], 560],
    ['volume of a timed hold: the seconds held', { metric: 'volume', measure: 'seconds' }, [set(bw(), null, 30), set(bw(), null, 25)], 55],
  ])('%s', (_rule, input, sets, expected) => {
    expect(series([session('2026-03-02', ...sets)], input).points).toEqual([{ date: '2026-03-02', value: expected }]);
  });

  it('e1rm: a session with no set of 10 reps or fewer has no point', () => {
    const result = series([session('2026-03-02', set(kg(20), 15)), session('2026-03-05', set(kg(20), 10))], { metric: 'e1rm' });
    expect(result.points.map((point) => point.date)).toEqual(['2026-03-05']);
    expect(result.sessions).toBe(1);
  });
});

describe('how bodyweight sets count in volume [design]', () => {
  const bridge = [session('2026-03-02', set(bw(), 10)), session('2026-03-09', set(bw(10), 10))];

  it.each<[string, Session[], DatedBodyweight[], 'none' | 'added' | 'total', number[]]>([
    ['only bodyweight sets and a body weight known: body weight plus the load added', bridge, [weighed('2026-03-01', 80)], 'total', [800, 900]],
    ['before the first weighing, the first one counts (no jump when weighing starts)', bridge, [weighed('2026-03-05', 80)], 'total', [800, 900]],
    ['the body weight in force on each day', bridge, [weighed('2026-03-01', 80), weighed('2026-03-08', 70)], 'total', [800, 800]],
    ['no body weight known: only the load added', bridge, [], 'added', [0, 100]],
    [
      'bodyweight then a dumbbell: only the load added, as the dumbbell sets count only the dumbbell',
      [session('2026-03-02', set(bw(), 10)), session('2026-03-09', set(kg(4), 10))],
      [weighed('2026-03-01', 80)],
      'added',
      [0, 40],
    ],
    ['no bodyweight sets: nothing to say', [session('2026-03-02', set(kg(20), 10))], [weighed('2026-03-01', 80)], 'none', [200]],
  ])('%s', (_rule, sessions, bodyweights, how, values) => {
    const result = series(sessions, { metric: 'volume', bodyweights });
    expect(result.bodyweightVolume).toBe(how);
    expect(result.points.map((point) => point.value)).toEqual(values);
  });

  it('a timed hold’s volume is the seconds held, whatever the body weight', () => {
    const plank = [session('2026-03-02', set(bw(), null, 30), set(bw(), null, 30))];
    const result = series(plank, { metric: 'volume', measure: 'seconds', bodyweights: [weighed('2026-03-01', 80)] });
    expect(result).toMatchObject({ unit: 's', bodyweightVolume: 'none', points: [{ date: '2026-03-02', value: 60 }] });
  });

  it.each<[string, Load, DatedBodyweight | undefined, number]>([
    ['external load as it is', kg(20), weighed('2026-03-01', 80), 20],
    ['bodyweight plus the load added', bw(10), weighed('2026-03-01', 80), 90],
    ['assisted: body weight minus the assistance', bw(-20), weighed('2026-03-01', 80), 60],
    ['unknown body weight: the load added only', bw(10), undefined, 10],
    ['unknown body weight, assisted: nothing (never negative)', bw(-20), undefined, 0],
  ])('volumeLoadKg: %s', (_rule, load, bodyweight, expected) => {
    expect(volumeLoadKg(load, bodyweight)).toBe(expected);
  });
});

describe('grouping when there are more sessions than the chart has columns', () => {
  // Three sessions a week for 20 weeks, from Monday 2 March 2026, 1 kg more each session.
  const days = Array.from({ length: 60 }, (_, index) => {
    const date = new Date(Date.UTC(2026, 2, 2 + Math.floor(index / 3) * 7 + (index % 3) * 2));
    return date.toISOString().slice(0, 10);
  });
  const sessions = days.map((date, index) => session(date, set(kg(20 + index), 10)));

  it.each<[string, number, string, number]>([
    ['60 sessions in 60 columns: one point a session', 60, 'session', 60],
    ['60 sessions in 30 columns: one point a week (20 weeks)', 30, 'week', 20],
    ['in 10 columns: one point a month (Mar–Jul)', 10, 'month', 5],
    ['in 1 column: one point a year', 1, 'year', 1],
  ])('%s', (_rule, maxPoints, bucket, count) => {
    const result = series(sessions, { maxPoints });
    expect(result.bucket).toBe(bucket);
    expect(result.points).toHaveLength(count);
    expect(result.sessions).toBe(60);
  });

  it('a week is its best load, dated by its last session; the start keeps the first session’s day', () => {
    const result = series(sessions, { maxPoints: 30 });
    expect(result.points[0]).toEqual({ date: '2026-03-06', value: 22 });
    expect(result.start).toEqual({ date: '2026-03-02', value: 22 });
    expect(result.now).toEqual({ date: days.at(-1), value: 79 });
  });

  it('a week’s volume is the sum of its sessions', () => {
    const result = series(sessions, { metric: 'volume', maxPoints: 30 });
    expect(result.points[0]?.value).toBe((20 + 21 + 22) * 10);
  });
});

describe('start → now and the best', () => {
  it('the change in the unit and in %, and the days between the first and the last session', () => {
    const result = series([session('2026-03-02', set(kg(20), 10)), session('2026-05-04', set(kg(32), 10))]);
    expect(result.change).toEqual({ value: 12, percent: 60, days: 63 });
  });

  it('from bodyweight (0 added) there is no percentage', () => {
    expect(series([session('2026-03-02', set(bw(), 10)), session('2026-03-09', set(kg(8), 10))]).change).toEqual({ value: 8, percent: null, days: 7 });
  });

  it('the best set is the heaviest, the earliest among equals, with the set as logged', () => {
    const result = series([session('2026-03-02', set(lb(45), 10)), session('2026-03-09', set(kg(20), 12)), session('2026-03-12', set(lb(45), 8))]);
    expect(result.best).toEqual({ date: '2026-03-02', value: 20.41, set: { load: lb(45), reps: 10, seconds: null } });
  });

  it('the best e1RM is the set with the best estimate, not the heaviest', () => {
    const result = series([session('2026-03-02', set(kg(30), 10), set(kg(32), 2))], { metric: 'e1rm' });
    expect(result.best).toEqual({ date: '2026-03-02', value: 40, set: { load: kg(30), reps: 10, seconds: null } });
  });

  it('the best volume is a session (or week), not a set', () => {
    const result = series([session('2026-03-02', set(kg(20), 10)), session('2026-03-05', set(kg(10), 10), set(kg(10), 12))], { metric: 'volume' });
    expect(result.best).toEqual({ date: '2026-03-05', value: 220, set: null });
  });

  it('no sessions: no points, no start, no best', () => {
    expect(series([])).toMatchObject({ points: [], start: null, now: null, change: null, best: null, sessions: 0 });
  });
});

describe('where a milestone falls on the time line', () => {
  const result = series([session('2026-03-02', set(kg(20), 10)), session('2026-03-09', set(kg(22), 10)), session('2026-03-16', set(kg(24), 10))]);
  it.each<[string, string, number | null]>([
    ['on a session: that point', '2026-03-09', 1],
    ['between sessions: the next point', '2026-03-10', 2],
    ['on the first day', '2026-03-02', 0],
    ['before the first session: off the chart', '2026-03-01', null],
    ['after the last session: off the chart', '2026-03-17', null],
  ])('%s', (_rule, date, index) => {
    expect(pointIndexOf(result, date)).toBe(index);
  });
});

describe('spanInWords', () => {
  it.each<[number, string]>([
    [0, '0 days'],
    [1, '1 day'],
    [13, '13 days'],
    [14, '2 weeks'],
    [63, '9 weeks'],
    [118, '17 weeks'],
    [119, '4 months'],
    [365, '12 months'],
    [730, '2 years'],
  ])('%i days → %s', (days, words) => {
    expect(spanInWords(days)).toBe(words);
  });
});
