// `rehab exercise set` through its handler on a real log: one reproducer per error message, and
// nothing written on any of them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../src/commands/context.js';
import { exerciseSetCommand, type ExerciseSetOptions } from '../../src/commands/exercise-set.js';
import { withLog } from '../../src/commands/open-log.js';
import { RehabError } from '../../src/errors.js';
import { createStyle } from '../../src/io/style.js';
import { tempFolder } from '../db/fixtures.js';

function context(): RunContext {
  return {
    dbPath: path.join(tempFolder(), 'rehab.db'),
    displayUnits: undefined,
    today: '2026-11-24',
    now: '2026-11-24T07:00:00.000Z',
    style: createStyle(false),
    stdinIsTTY: false,
  };
}

/** Every exercise of the log as stored, to check that a refused change wrote nothing. */
async function snapshot(run: RunContext) {
  return withLog(run, (log) => log.exercises.list({ includeArchived: true }));
}

async function refusal(words: string[], options: ExerciseSetOptions): Promise<RehabError> {
  const run = context();
  const before = await snapshot(run);
  let thrown: unknown;
  try {
    await exerciseSetCommand(words, options, run);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(RehabError);
  expect(await snapshot(run)).toEqual(before);
  return thrown as RehabError;
}

describe('rehab exercise set refuses, names the setting and what is allowed, and writes nothing', () => {
  it.each<[string, ExerciseSetOptions, string]>([
    ['reps.max below reps.min', { reps: '12-8' }, 'reps.max must be at least reps.min (12).'],
    ['a zero rep range', { reps: '0-8' }, 'reps.min must be more than 0 (got 0).'],
    ['seconds.max below seconds.min', { seconds: '45-20' }, 'seconds.max must be at least seconds.min (45).'],
    ['sets out of range', { sets: '21' }, 'sets must be from 1 to 20 (got 21).'],
    ['sets not a number', { sets: 'three' }, 'sets must be a whole number (got "three").'],
    ['sets not whole', { sets: '2.5' }, 'sets must be a whole number (got 2.5).'],
    ['an unknown model', { model: 'triple' }, 'model must be one of double, linear (got "triple").'],
    ['an unknown measure', { measure: 'timed' }, 'measure must be one of reps, seconds (got "timed").'],
    ['an unknown equipment', { equipment: 'cable' }, 'equipment must be one of barbell, dumbbell, kettlebell, machine, bodyweight (got "cable").'],
    ['an unknown pattern', { pattern: 'lunge' }, 'pattern must be one of squat, hinge, bridge, core, other (got "lunge").'],
    ['a negative increment', { increment: ['-2kg'] }, 'increment.kg must be more than 0 (got -2).'],
    ['a zero step', { step: ['0lb'] }, 'step.lb must be more than 0 (got 0).'],
    ['a zero seconds increment', { secondsIncrement: '0' }, 'seconds.increment must be more than 0 (got 0).'],
    ['an unknown setting', { set: ['colour=red'] }, 'colour is not a known key (known: model, measure, sets, reps, seconds, equipment, increment, step, start, pattern'],
    ['an unknown part of a setting', { set: ['reps.mx=15'] }, 'reps.mx is not a known key (known: min, max).'],
    ['a group set to a number', { set: ['reps=15'] }, 'reps must be an object with min, max (got 15).'],
    ['a load of an unknown kind', { set: ['start.kind=plate'] }, 'start.kind must be one of external, bodyweight (got "plate").'],
    ['a negative external start', { set: ['start={"kind":"external","value":-5,"unit":"kg"}'] }, 'start.value must be at least 0 (got -5).'],
    ['a bad milestone threshold', { set: ['milestones.loadsKg=[20,-1]'] }, 'milestones.loadsKg[1] must be more than 0 (got -1).'],
    ['two problems at once, on one line', { reps: '12-8', sets: '0' }, 'sets must be from 1 to 20 (got 0); reps.max must be at least reps.min (12).'],
  ])('%s', async (_rule, options, message) => {
    const error = await refusal(['squat'], options);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('\n');
    expect(error.exitCode).toBe(2);
    expect(error.hint).toBe('Nothing was changed; `rehab exercise set --help` lists the settings.');
  });

  it.each<[string, string[], ExerciseSetOptions, string]>([
    ['nothing to change', ['squat'], {}, 'Nothing to change for "squat".'],
    ['no exercise named', [], { sets: '3' }, 'Missing the exercise to change.'],
    ['an unknown exercise', ['sqaut', 'press'], { sets: '3' }, 'No exercise is called "sqaut press".'],
    ['removing an alias it does not have', ['squat'], { aliasRemove: ['bridge'] }, 'Goblet squat has no alias "bridge" (its aliases are squat, goblet).'],
    ['adding an alias another exercise has', ['squat'], { aliasAdd: ['bridge'] }, '"bridge" already names the exercise "Glute bridge".'],
    ['a malformed range', ['squat'], { reps: '8 to 12' }, '--reps "8 to 12" is not a range.'],
    ['a malformed increment', ['squat'], { increment: ['lots'] }, '--increment "lots" is not a weight.'],
    ['a malformed start', ['squat'], { start: 'heavy' }, '--start "heavy" is not a load.'],
    ['a malformed --set', ['squat'], { set: ['reps.max'] }, '--set "reps.max" has no "=".'],
  ])('refuses %s', async (_rule, words, options, message) => {
    const error = await refusal(words, options);
    expect(error.message).toBe(message);
    expect(error.exitCode).toBe(2);
    expect(error.hint).toBeTruthy();
  });
});

describe('rehab exercise set', () => {
  it('prints each change old → new and stores it', async () => {
    const run = context();
    const output = await exerciseSetCommand(['goblet', 'squat'], { reps: '6-10', equipment: 'kettlebell', aliasAdd: ['gs'], aliasRemove: ['goblet'] }, run);
    expect(output.stdout).toBe(
      [
        'Changed Goblet squat:',
        '  aliases       squat, goblet → squat, gs',
        '  reps.min      8 → 6',
        '  reps.max      12 → 10',
        '  equipment     dumbbell → kettlebell',
        '  increment.kg  2 → 4',
        '  increment.lb  5 → 10',
        '  step.kg       2 → 4',
        '  step.lb       5 → 10',
      ].join('\n'),
    );
    const [squat] = await snapshot(run);
    expect(squat).toMatchObject({ aliases: ['squat', 'gs'], settings: { reps: { min: 6, max: 10 }, equipment: 'kettlebell', increment: { kg: 4, lb: 10 } } });
  });

  it('says when nothing changed', async () => {
    const output = await exerciseSetCommand(['squat'], { sets: '3' }, context());
    expect(output.stdout).toBe('Nothing changed: Goblet squat already has these settings.');
  });

  it('notes a range the exercise does not use', async () => {
    const output = await exerciseSetCommand(['side', 'plank'], { reps: '5-10' }, context());
    expect(output.stderr).toContain('Side plank is timed (measure seconds), so the rules use its seconds range, not reps');
  });
});
