import { describe, expect, it } from 'vitest';
import { applySettingFlags, guessEquipment, hasSettingFlags, newExerciseBase, parseAssignment, type SettingFlags } from '../../src/domain/exercise-flags.js';
import type { ExerciseSettings } from '../../src/domain/types.js';
import { RehabError } from '../../src/errors.js';
import { settings } from '../db/fixtures.js';

/** The candidate after the flags, as settings (the tests below only give flags that stay valid). */
function apply(flags: SettingFlags, current: ExerciseSettings = settings(), units: 'kg' | 'lb' = 'kg'): ExerciseSettings {
  return applySettingFlags(current, flags, units) as ExerciseSettings;
}

describe('applySettingFlags', () => {
  it.each<[string, SettingFlags, Partial<ExerciseSettings>]>([
    ['--reps 6-10 sets the range', { reps: '6-10' }, { reps: { min: 6, max: 10 } }],
    ['--reps with an en dash and spaces', { reps: '6 – 10' }, { reps: { min: 6, max: 10 } }],
    ['--reps 5 is a fixed target (linear)', { reps: '5' }, { reps: { min: 5, max: 5 } }],
    ['--seconds 30-60 with --seconds-increment 10', { seconds: '30-60', secondsIncrement: '10' }, { seconds: { min: 30, max: 60, increment: 10 } }],
    ['--sets 4 is a number', { sets: '4' }, { sets: 4 }],
    ['--increment 2.5kg sets only the kg amount', { increment: ['2.5kg'] }, { increment: { kg: 2.5, lb: 5 } }],
    ['a bare --increment is in the log units', { increment: ['10'] }, { increment: { kg: 10, lb: 5 } }],
    ['--increment twice sets both units', { increment: ['2.5kg', '10lbs'] }, { increment: { kg: 2.5, lb: 10 } }],
    ['--step 1kg', { step: ['1kg'] }, { step: { kg: 1, lb: 5 } }],
    ['--start 25kg is an external load', { start: '25kg' }, { start: { kind: 'external', value: 25, unit: 'kg' } }],
    ['--start bw+10kg is bodyweight plus', { start: 'bw+10kg' }, { start: { kind: 'bodyweight', added: 10, unit: 'kg' } }],
    ['--model, --measure and --pattern pass through', { model: 'linear', measure: 'seconds', pattern: 'hinge' }, { model: 'linear', measure: 'seconds', pattern: 'hinge' }],
    ['--set reads JSON numbers', { set: ['reps.max=15'] }, { reps: { min: 8, max: 15 } }],
    ['--set reads JSON lists', { set: ['milestones.loadsKg=[20,30]'] }, { milestones: { loadsKg: [20, 30] } }],
    ['--set reads a word as text', { set: ['equipment=machine'] }, { equipment: 'machine' }],
    ['--set comes last, so it wins over a named flag', { reps: '6-10', set: ['reps.max=12'] }, { reps: { min: 6, max: 12 } }],
  ])('%s', (_rule, flags, expected) => {
    expect(apply(flags)).toEqual({ ...settings(), ...expected });
  });

  it.each<[string, SettingFlags, Partial<ExerciseSettings>]>([
    ['--equipment resets increment and step to its defaults (kettlebell 4 kg / 10 lb)', { equipment: 'kettlebell' }, { increment: { kg: 4, lb: 10 }, step: { kg: 4, lb: 10 } }],
    ['--equipment keeps a given --increment', { equipment: 'barbell', increment: ['5kg'] }, { increment: { kg: 5, lb: 5 }, step: { kg: 2.5, lb: 5 } }],
    ['--equipment keeps a given --step', { equipment: 'barbell', step: ['1.25kg'] }, { increment: { kg: 2.5, lb: 5 }, step: { kg: 1.25, lb: 5 } }],
  ])('%s', (_rule, flags, expected) => {
    expect(apply(flags)).toEqual({ ...settings(), equipment: flags.equipment, ...expected });
  });

  it('leaves increment and step alone for an unknown --equipment, which the schema then refuses', () => {
    expect(apply({ equipment: 'cable' })).toEqual({ ...settings(), equipment: 'cable' });
  });

  it.each<[string, SettingFlags, string]>([
    ['a rep range in words', { reps: 'eight' }, '--reps "eight" is not a range.'],
    ['a rep range with three numbers', { reps: '8-10-12' }, '--reps "8-10-12" is not a range.'],
    ['a seconds range in words', { seconds: 'long' }, '--seconds "long" is not a range.'],
    ['an increment that is not a weight', { increment: ['heavy'] }, '--increment "heavy" is not a weight.'],
    ['an increment in stone', { increment: ['2st'] }, '--increment "2st" is not a weight.'],
    ['a step that is not a weight', { step: ['bw'] }, '--step "bw" is not a weight.'],
    ['a start that is not a load', { start: 'heavy' }, '--start "heavy" is not a load.'],
    ['--set without "="', { set: ['reps.max'] }, '--set "reps.max" has no "=".'],
    ['--set without a value', { set: ['reps.max='] }, '--set "reps.max=" has no value after the "=".'],
    ['--set through a single value', { set: ['sets.x=1'] }, 'sets is a single value, so it has no "x".'],
  ])('refuses %s with a usage error', (_rule, flags, message) => {
    let thrown: unknown;
    try {
      apply(flags);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RehabError);
    expect((thrown as RehabError).message).toBe(message);
    expect((thrown as RehabError).exitCode).toBe(2);
    expect((thrown as RehabError).hint).toBeTruthy();
  });

  it('passes malformed values on as typed, for the schema to name', () => {
    expect(apply({ sets: 'three', increment: ['-2kg'] })).toMatchObject({ sets: 'three', increment: { kg: -2 } });
  });
});

describe('new exercises (`rehab exercise add`)', () => {
  it.each<[string, SettingFlags, string]>([
    ['bodyweight by default', {}, 'bodyweight'],
    ['barbell when the start is a weight, as `rehab log --new` guesses', { start: '20kg' }, 'barbell'],
    ['bodyweight when the start is bw+', { start: 'bw+5kg' }, 'bodyweight'],
    ['what --equipment says', { equipment: 'kettlebell', start: '20kg' }, 'kettlebell'],
  ])('equipment: %s', (_rule, flags, equipment) => {
    expect(guessEquipment(flags, 'kg')).toBe(equipment);
  });

  it('is timed when only --seconds is given, counted in reps otherwise', () => {
    expect(newExerciseBase({ seconds: '20-40' }, 'kg').measure).toBe('seconds');
    expect(newExerciseBase({ seconds: '20-40', reps: '8-12' }, 'kg').measure).toBe('reps');
    expect(newExerciseBase({}, 'kg').measure).toBe('reps');
  });

  it('takes the defaults of its equipment in the log units', () => {
    expect(newExerciseBase({ equipment: 'dumbbell' }, 'lb')).toMatchObject({
      equipment: 'dumbbell',
      increment: { kg: 2, lb: 5 },
      start: { kind: 'bodyweight', added: 0, unit: 'lb' },
    });
  });
});

describe('hasSettingFlags and parseAssignment', () => {
  it('knows when no setting was given', () => {
    expect(hasSettingFlags({})).toBe(false);
    expect(hasSettingFlags({ increment: [] })).toBe(false);
    expect(hasSettingFlags({ set: ['sets=4'] })).toBe(true);
  });

  it('splits at the first "=" so values may contain one', () => {
    expect(parseAssignment('milestones.loadMessage=a=b')).toEqual({ path: ['milestones', 'loadMessage'], value: 'a=b' });
  });
});
