import { describe, expect, it } from 'vitest';
import { guessEquipment, guessPattern, importedExerciseSettings } from '../../src/domain/imported-exercise.js';
import type { Equipment, MovementPattern } from '../../src/domain/types.js';

describe('guessEquipment (issue 4: from the app\'s "(Barbell)" naming, else bodyweight when no weight)', () => {
  it.each<[string, boolean, Equipment]>([
    ['Squat (Barbell)', true, 'barbell'],
    ['Curl (Dumbbell)', true, 'dumbbell'],
    ['Flat Barbell Bench Press', true, 'barbell'],
    ['Dumbbell Curl', true, 'dumbbell'],
    ['Goblet Squat (Kettlebell)', true, 'kettlebell'],
    ['Leg Press (Machine)', true, 'machine'],
    ['Lat Pulldown (Cable)', true, 'machine'],
    ['Pull Up (Assisted)', false, 'bodyweight'],
    ['Dip (Weighted)', false, 'bodyweight'],
    ['Push Up', false, 'bodyweight'],
    ['Deadlift', true, 'barbell'],
  ])('%s (held weight: %s) → %s', (name, held, expected) => {
    expect(guessEquipment(name, held)).toBe(expected);
  });
});

describe('guessPattern', () => {
  it.each<[string, MovementPattern]>([
    ['Squat (Barbell)', 'squat'],
    ['Bulgarian Split Squat', 'squat'],
    ['Romanian Deadlift (Barbell)', 'hinge'],
    ['Kettlebell Swing', 'hinge'],
    ['Hip Thrust (Barbell)', 'bridge'],
    ['Side Plank', 'core'],
    ['Bench Press (Barbell)', 'other'],
  ])('%s → %s', (name, expected) => {
    expect(guessPattern(name)).toBe(expected);
  });
});

describe('importedExerciseSettings', () => {
  it('measures in seconds when most rows were timed, in the unit of the rows, else the log\'s', () => {
    const plank = importedExerciseSettings('Plank', { weighted: 0, external: 0, timed: 3, total: 3, unit: null }, 'lb');
    expect(plank).toMatchObject({ measure: 'seconds', equipment: 'bodyweight', pattern: 'core', start: { kind: 'bodyweight', added: 0, unit: 'lb' } });
    const bench = importedExerciseSettings('Bench Press (Barbell)', { weighted: 4, external: 4, timed: 0, total: 4, unit: 'lb' }, 'kg');
    expect(bench).toMatchObject({ measure: 'reps', equipment: 'barbell', model: 'double', sets: 3, reps: { min: 8, max: 12 }, start: { unit: 'lb' } });
  });
});
