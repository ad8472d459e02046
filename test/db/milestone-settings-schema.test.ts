// The optional `milestones` field of exercise settings: stored settings without it stay valid,
// and each wrong value gets a message that names it and says what is allowed.
import { describe, expect, it } from 'vitest';
import { exerciseSettingsSchema } from '../../src/db/exercise-settings-schema.js';
import type { ExerciseSettings } from '../../src/domain/types.js';
import { describeIssues } from '../../src/io/validation-messages.js';
import { settings } from './fixtures.js';

function problems(milestones: unknown): string[] {
  const input = { ...settings(), milestones };
  const parsed = exerciseSettingsSchema.safeParse(input);
  return parsed.success ? [] : describeIssues(parsed.error.issues, exerciseSettingsSchema, input);
}

describe('ExerciseSettings.milestones', () => {
  it('is optional: settings stored before it existed are still valid', () => {
    const stored: ExerciseSettings = settings();
    expect(exerciseSettingsSchema.parse(stored)).toEqual(stored);
  });

  it('takes every threshold and message', () => {
    const milestones = {
      loadsKg: [20, 30],
      loadMessage: 'Book the physio.',
      e1rmPercents: [150, 200],
      e1rmMessage: 'Stronger.',
      bodyweightRatios: [0.5, 1],
      bodyweightMessage: 'Body weight!',
    };
    expect(exerciseSettingsSchema.parse({ ...settings(), milestones }).milestones).toEqual(milestones);
    expect(problems({ loadsKg: [] })).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['an e1RM mark at or below the start', { e1rmPercents: [90] }, 'milestones.e1rmPercents[0] must be above 100 (a percentage of the start, e.g. 150 for up 50 %)'],
    ['a load mark above 1000 kg', { loadsKg: [2000] }, 'milestones.loadsKg[0] must be at most 1000 (kg)'],
    ['a negative load mark', { loadsKg: [-1] }, 'milestones.loadsKg[0] must be more than 0 (got -1)'],
    ['a body-weight multiple above 5', { bodyweightRatios: [9] }, 'milestones.bodyweightRatios[0] must be at most 5 (times body weight)'],
    ['a blank message', { loadMessage: '  ' }, 'milestones.loadMessage must not be empty (got "  ")'],
    ['a misspelt key', { loadKg: [20] }, 'milestones.loadKg is not a known key (known: loadsKg, loadMessage, e1rmPercents, e1rmMessage, bodyweightRatios, bodyweightMessage)'],
  ])('refuses %s', (_what, milestones, message) => {
    expect(problems(milestones)).toEqual([message]);
  });
});
