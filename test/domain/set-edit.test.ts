import { describe, expect, it } from 'vitest';
import { applySetEdit, parseOneSet, sameValues, valuesOf, type SetEdit, type EditableSet } from '../../src/domain/set-edit.js';
import type { LoggedSet } from '../../src/domain/types.js';
import { RehabError } from '../../src/errors.js';

const set: LoggedSet = {
  id: 812,
  uid: 'u-812',
  exerciseId: 1,
  date: '2026-11-24',
  session: 1,
  setNumber: 2,
  reps: 12,
  seconds: null,
  load: { kind: 'external', value: 25, unit: 'kg' },
  rpe: 8,
  pain: 2,
  note: 'felt easy',
  source: 'typed',
};
const squat = { name: 'Goblet squat', measure: 'reps' as const };
const plank = { name: 'Side plank', measure: 'seconds' as const };

function usageErrorOf(f: () => unknown): RehabError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(RehabError);
    expect((error as RehabError).exitCode).toBe(2);
    return error as RehabError;
  }
  throw new Error('expected a usage error');
}

describe('parseOneSet (`rehab edit --scheme`: one set)', () => {
  it.each([
    ['a bare number is reps', '10', { kind: 'reps', count: 10 }],
    ['x10 is one set of 10', 'x10', { kind: 'reps', count: 10 }],
    ['1x10 is one set of 10', '1x10', { kind: 'reps', count: 10 }],
    ['30s is a hold of 30 seconds', '30s', { kind: 'seconds', count: 30 }],
    ['x30s too', 'x30s', { kind: 'seconds', count: 30 }],
    ['@ adds the RPE', '10@8', { kind: 'reps', count: 10, rpe: 8 }],
  ])('%s', (_rule, text, expected) => {
    expect(parseOneSet(text)).toEqual(expected);
  });

  it.each([
    ['3x10', '"3x10" is 3 sets, but edit changes one set'],
    ['8,8', '"8,8" is 2 sets'],
    ['0', 'has a set of 0 reps'],
    ['ten', 'not understood'],
  ])('refuses %j', (text, message) => {
    expect(usageErrorOf(() => parseOneSet(text)).message).toContain(message);
  });
});

describe('applySetEdit', () => {
  it.each<[string, SetEdit, Partial<EditableSet>]>([
    ['--scheme changes the reps', { scheme: '10' }, { reps: 10, seconds: null, rpe: 8 }],
    ['--scheme with @ changes the RPE too', { scheme: '10@9' }, { reps: 10, rpe: 9 }],
    ['--load replaces the load as given (55 lb stays lb)', { load: { kind: 'external', value: 55, unit: 'lb' } }, { load: { kind: 'external', value: 55, unit: 'lb' } }],
    ['--rpe none clears the RPE', { rpe: null }, { rpe: null }],
    ['--pain none clears the pain', { pain: null }, { pain: null }],
    ["--note '' clears the note", { note: '' }, { note: null }],
    ['--note replaces the note', { note: 'left hip' }, { note: 'left hip' }],
    ['--date moves it', { date: '2026-11-20' }, { date: '2026-11-20' }],
  ])('%s', (_rule, edit, expected) => {
    expect(applySetEdit(set, edit, squat)).toEqual({ ...valuesOf(set), ...expected });
  });

  it('leaves the set itself unchanged', () => {
    applySetEdit(set, { scheme: '5', note: '' }, squat);
    expect(set.reps).toBe(12);
    expect(set.note).toBe('felt easy');
  });

  it('turns a timed exercise’s set into seconds', () => {
    expect(applySetEdit({ ...set, reps: null, seconds: 30 }, { scheme: '45s' }, plank)).toMatchObject({ reps: null, seconds: 45 });
  });

  it.each<[string, SetEdit, typeof squat | typeof plank, string]>([
    ['reps for a timed hold', { scheme: '10' }, plank, 'Side plank is a timed hold, so --scheme "10" must be in seconds.'],
    ['seconds for a counted exercise', { scheme: '30s' }, squat, 'Goblet squat is counted in reps, not seconds.'],
    ['the RPE twice', { scheme: '10@8', rpe: 9 }, squat, 'The RPE was given twice, in --scheme and with --rpe.'],
  ])('refuses %s', (_rule, edit, exercise, message) => {
    expect(usageErrorOf(() => applySetEdit(set, edit, exercise)).message).toBe(message);
  });
});

describe('sameValues', () => {
  it('is true for an edit that changes nothing, false for any change', () => {
    expect(sameValues(applySetEdit(set, { scheme: '12', note: 'felt easy' }, squat), valuesOf(set))).toBe(true);
    expect(sameValues(applySetEdit(set, { load: { kind: 'external', value: 25, unit: 'lb' } }, squat), valuesOf(set))).toBe(false);
    expect(sameValues(applySetEdit(set, { load: { kind: 'bodyweight', added: 25, unit: 'kg' } }, squat), valuesOf(set))).toBe(false);
    expect(sameValues(applySetEdit(set, { pain: null }, squat), valuesOf(set))).toBe(false);
  });
});
