import { describe, expect, it } from 'vitest';
import { exerciseSettingsSchema } from '../../src/db/exercise-settings-schema.js';
import { storedSettingsProblem } from '../../src/db/stored-settings.js';
import { starterProgramme } from '../../src/domain/starter-programme.js';

const valid = starterProgramme('kg')[0]!.settings;

describe('the structural check of stored settings (no zod on the read path)', () => {
  it.each(starterProgramme('kg').concat(starterProgramme('lb')).map((exercise) => [exercise.name, exercise.settings] as const))(
    'accepts the starter programme: %s',
    (_name, settings) => {
      expect(exerciseSettingsSchema.safeParse(settings).success).toBe(true);
      expect(storedSettingsProblem(JSON.parse(JSON.stringify(settings)))).toBeNull();
    },
  );

  it('accepts settings with milestone thresholds', () => {
    expect(storedSettingsProblem({ ...valid, milestones: { loadsKg: [20, 30] } })).toBeNull();
  });

  it.each([
    ['not an object', [], 'they are not an object'],
    ['an unknown model', { ...valid, model: 'wave' }, 'model is missing or invalid'],
    ['a missing rep range', { ...valid, reps: undefined }, 'reps.min is missing or invalid'],
    ['a rep range out of order', { ...valid, reps: { min: 12, max: 8 } }, 'reps.max is below reps.min'],
    ['a zero increment', { ...valid, increment: { kg: 0, lb: 5 } }, 'increment.kg is missing or invalid'],
    ['a start load without its amount', { ...valid, start: { kind: 'external', unit: 'kg' } }, 'start has no amount'],
    ['fractional sets', { ...valid, sets: 2.5 }, 'sets is missing or invalid'],
  ])('refuses %s, and so does the zod schema', (_name, settings, problem) => {
    expect(storedSettingsProblem(settings)).toBe(problem);
    expect(exerciseSettingsSchema.safeParse(settings).success).toBe(false);
  });
});
