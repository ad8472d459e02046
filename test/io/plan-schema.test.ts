import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../src/domain/types.js';
import { buildPlanDocument } from '../../src/io/plan-document.js';
import { planJsonSchemaText } from '../../src/io/plan-json-schema.js';
import { checkPlan } from '../../src/io/plan-schema.js';
import { settings } from '../db/fixtures.js';

/** A valid plan of three exercises, as JSON would give it (a fresh copy each time). */
function validPlan(): any {
  return {
    $schema: 'file:///rehab/schema/plan.schema.json',
    version: 1,
    units: 'kg',
    exercises: [
      { name: 'Goblet squat', aliases: ['squat'], archived: false, settings: settings() },
      { name: 'Glute bridge', aliases: ['bridge'], archived: false, settings: settings({ pattern: 'bridge' }) },
      { name: 'Romanian deadlift', aliases: ['rdl'], archived: true, settings: settings({ pattern: 'hinge', equipment: 'kettlebell' }) },
    ],
  };
}

function exercise(id: number, name: string, aliases: string[] = []): Exercise {
  return { id, name, aliases, archived: false, settings: settings() };
}

function problemsOf(plan: unknown, log: Exercise[] = []): string[] {
  const check = checkPlan(plan, log);
  if (check.ok) throw new Error('expected the plan to be refused');
  return check.problems;
}

describe('checkPlan accepts', () => {
  it('a valid plan, as it is', () => {
    const check = checkPlan(validPlan(), []);
    expect(check).toEqual({ ok: true, plan: validPlan() });
  });

  it('a hand-written exercise without aliases or archived (they default to none and false)', () => {
    const plan = validPlan();
    plan.exercises[0] = { name: 'Goblet squat', settings: settings() };
    const check = checkPlan(plan, []);
    expect(check.ok && check.plan.exercises[0]).toEqual({ name: 'Goblet squat', aliases: [], archived: false, settings: settings() });
  });

  it('a plan without $schema', () => {
    const plan = validPlan();
    delete plan.$schema;
    expect(checkPlan(plan, []).ok).toBe(true);
  });

  it('what the log exports (buildPlanDocument), milestones included', () => {
    const log = [{ ...exercise(1, 'Goblet squat', ['squat']), settings: settings({ milestones: { loadsKg: [20, 30] } }) }];
    expect(checkPlan(buildPlanDocument(log, 'kg', undefined), log).ok).toBe(true);
  });

  it('an alias that an exercise the plan leaves out has: the import moves it', () => {
    expect(checkPlan(validPlan(), [exercise(9, 'Front squat', ['squat'])]).ok).toBe(true);
  });

  it('an alias that is the old name of an exercise renamed in the plan', () => {
    const plan = validPlan();
    plan.exercises[0].name = 'Front squat';
    plan.exercises[0].aliases = ['squat', 'Goblet squat'];
    expect(checkPlan(plan, [exercise(1, 'Goblet squat', ['squat'])]).ok).toBe(true);
  });
});

describe('checkPlan refuses, naming the path and what would be right', () => {
  it.each<[string, (plan: any) => void, string]>([
    ['a wrong type', (plan) => (plan.exercises[0].settings.sets = 'three'), 'exercises[0].settings.sets must be a whole number (got "three").'],
    ['a fraction where a whole number goes', (plan) => (plan.exercises[0].settings.sets = 2.5), 'exercises[0].settings.sets must be a whole number (got 2.5).'],
    ['sets out of range', (plan) => (plan.exercises[1].settings.sets = 25), 'exercises[1].settings.sets must be from 1 to 20 (got 25).'],
    ['reps.max below reps.min', (plan) => (plan.exercises[2].settings.reps = { min: 12, max: 8 }), 'exercises[2].settings.reps.max must be at least reps.min (12).'],
    ['seconds.max below seconds.min', (plan) => (plan.exercises[0].settings.seconds.max = 10), 'exercises[0].settings.seconds.max must be at least seconds.min (20).'],
    [
      'an unknown equipment',
      (plan) => (plan.exercises[1].settings.equipment = 'cable'),
      'exercises[1].settings.equipment must be one of barbell, dumbbell, kettlebell, machine, bodyweight (got "cable").',
    ],
    ['a negative increment', (plan) => (plan.exercises[0].settings.increment.kg = -2), 'exercises[0].settings.increment.kg must be more than 0 (got -2).'],
    ['a zero step', (plan) => (plan.exercises[0].settings.step.lb = 0), 'exercises[0].settings.step.lb must be more than 0 (got 0).'],
    ['an empty name', (plan) => (plan.exercises[1].name = '   '), 'exercises[1].name must not be empty (got "   ").'],
    ['a missing name', (plan) => delete plan.exercises[1].name, 'exercises[1].name is missing.'],
    ['a missing setting', (plan) => delete plan.exercises[0].settings.model, 'exercises[0].settings.model is missing (one of double, linear).'],
    [
      'an unknown key in an exercise',
      (plan) => (plan.exercises[0].colour = 'red'),
      'exercises[0].colour is not a known key (known: name, aliases, archived, settings).',
    ],
    ['an unknown key in a setting', (plan) => (plan.exercises[0].settings.reps.mx = 3), 'exercises[0].settings.reps.mx is not a known key (known: min, max).'],
    ['an unknown key at the top', (plan) => (plan.extra = 1), 'extra is not a known key (known: $schema, version, units, exercises).'],
    [
      'an unknown key in a load (by its kind)',
      (plan) => (plan.exercises[0].settings.start = { kind: 'external', value: 20, unit: 'kg', added: 0 }),
      'exercises[0].settings.start.added is not a known key (known: kind, value, unit).',
    ],
    ['an unknown load kind', (plan) => (plan.exercises[0].settings.start.kind = 'plate'), 'exercises[0].settings.start.kind must be one of external, bodyweight (got "plate").'],
    ['an unknown milestone key', (plan) => (plan.exercises[0].settings.milestones = { loads: [20] }), 'exercises[0].settings.milestones.loads is not a known key'],
    ['a later format version', (plan) => (plan.version = 2), 'version must be 1 (got 2).'],
    ['unknown units', (plan) => (plan.units = 'st'), 'units must be one of kg, lb (got "st").'],
    ['exercises that are not a list', (plan) => (plan.exercises = {}), 'exercises must be a list (got {}).'],
    ['archived that is not true or false', (plan) => (plan.exercises[0].archived = 'yes'), 'exercises[0].archived must be true or false (got "yes").'],
    [
      'a duplicate name, ignoring case and spaces',
      (plan) => (plan.exercises[2].name = ' goblet  SQUAT '),
      'exercises[2].name " goblet  SQUAT " is already the name of exercises[0]; names must differ, ignoring case.',
    ],
    [
      'the same alias on two exercises',
      (plan) => plan.exercises[1].aliases.push('Squat'),
      'exercises[1].aliases[1] "Squat" is already an alias of exercises[0] ("Goblet squat"); each word names one exercise.',
    ],
    [
      'an alias that is another exercise\'s name',
      (plan) => plan.exercises[0].aliases.push('glute bridge'),
      'exercises[0].aliases[1] "glute bridge" is already the name of exercises[1] ("Glute bridge"); each word names one exercise.',
    ],
    ['an alias listed twice', (plan) => plan.exercises[0].aliases.push('SQUAT'), 'exercises[0].aliases[1] "SQUAT" is listed twice.'],
    ['an alias that is its own name', (plan) => plan.exercises[0].aliases.push('goblet squat'), 'exercises[0].aliases[1] "goblet squat" is the exercise\'s own name.'],
    ['an empty alias', (plan) => plan.exercises[0].aliases.push(''), 'exercises[0].aliases[1] must not be empty (got "").'],
  ])('%s', (_rule, spoil, message) => {
    const plan = validPlan();
    spoil(plan);
    const problems = problemsOf(plan);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('a name that an exercise of the log has, which the plan leaves out (it would keep it)', () => {
    const plan = validPlan();
    plan.exercises[1].aliases.push('Hip thrust');
    expect(problemsOf(plan, [exercise(1, 'Glute bridge'), exercise(7, 'Hip thrust')])).toEqual([
      'exercises[1].aliases[1] "Hip thrust" is the name of "Hip thrust" in this log, which the plan leaves out (it would be archived and keep its name); add it to the plan, or rename it first with `rehab exercise rename`.',
    ]);
  });

  it('a plan that is not an object', () => {
    expect(problemsOf([])).toEqual(['the plan must be an object with $schema, version, units, exercises (got []).']);
  });

  it('every problem at once, in document order', () => {
    const plan = validPlan();
    plan.exercises[2].settings.reps = { min: 12, max: 8 };
    plan.exercises[0].settings.equipment = 'cable';
    plan.exercises[1].name = 'goblet squat';
    plan.units = 'st';
    expect(problemsOf(plan)).toEqual([
      'units must be one of kg, lb (got "st").',
      'exercises[0].settings.equipment must be one of barbell, dumbbell, kettlebell, machine, bodyweight (got "cable").',
      'exercises[1].name "goblet squat" is already the name of exercises[0]; names must differ, ignoring case.',
      'exercises[2].settings.reps.max must be at least reps.min (12).',
    ]);
  });
});

describe('schema/plan.schema.json', () => {
  it('is what the zod schema generates (run `node scripts/generate-plan-schema.js` after changing it)', () => {
    const committed = readFileSync(new URL('../../schema/plan.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(planJsonSchemaText());
  });

  it('describes the plan document: its version, units and every setting', () => {
    const schema = JSON.parse(planJsonSchemaText());
    expect(schema.required).toEqual(['version', 'units', 'exercises']);
    expect(schema.properties.version.const).toBe(1);
    const exerciseSchema = schema.properties.exercises.items;
    expect(exerciseSchema.required).toEqual(['name', 'settings']);
    expect(Object.keys(exerciseSchema.properties.settings.properties)).toEqual(expect.arrayContaining(['model', 'reps', 'equipment', 'start', 'pattern']));
    expect(exerciseSchema.properties.settings.additionalProperties).toBe(false);
  });
});
