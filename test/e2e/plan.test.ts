// `rehab plan show|export|import` through the built binary.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
  expect(sandbox.run(['next']).code).toBe(0);
});
afterEach(() => sandbox.cleanup());

const SCHEMA_URL = pathToFileURL(path.resolve('schema/plan.schema.json')).href;

function exportPlan(env: NodeJS.ProcessEnv = {}): string {
  const result = sandbox.run(['plan', 'export'], { env });
  expect(result.code).toBe(0);
  return result.stdout;
}

function writePlan(name: string, plan: unknown): string {
  const file = path.join(sandbox.dir, name);
  writeFileSync(file, typeof plan === 'string' ? plan : JSON.stringify(plan, null, 2));
  return file;
}

describe('rehab plan export', () => {
  it('writes the whole programme as one document, $schema first', () => {
    const plan = JSON.parse(exportPlan());
    expect(Object.keys(plan)).toEqual(['$schema', 'version', 'units', 'exercises']);
    expect(plan).toMatchObject({ $schema: SCHEMA_URL, version: 1, units: 'kg' });
    expect(plan.exercises[0]).toEqual({
      name: 'Goblet squat',
      aliases: ['squat', 'goblet'],
      archived: false,
      settings: expect.objectContaining({ model: 'double', reps: { min: 8, max: 12 } }),
    });
  });

  it('-o writes the file and says so on stderr; plan show --format json is the same document', () => {
    const file = path.join(sandbox.dir, 'plan.json');
    const result = sandbox.run(['plan', 'export', '-o', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Wrote the plan (5 exercises) to ${file}.\n`);
    expect(readFileSync(file, 'utf8')).toBe(exportPlan());
    expect(sandbox.run(['plan', 'show', '--format', 'json']).stdout).toBe(exportPlan());
  });

  it('-o into a missing folder is a one-line error', () => {
    const result = sandbox.run(['plan', 'export', '-o', path.join(sandbox.dir, 'no', 'plan.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^rehab: Cannot write the plan to .*plan\.json: its folder does not exist\. Pick another file with -o; nothing was written\.\n$/);
  });
});

describe('rehab plan export → import round trip', () => {
  it('into the same log changes nothing and gives back the identical document', () => {
    sandbox.run(['exercise', 'set', 'squat', '--reps', '6-10', '--set', 'milestones.loadsKg=[20,30]']);
    sandbox.run(['exercise', 'archive', 'bird dog']);
    const before = exportPlan();
    const file = writePlan('plan.json', before);
    const result = sandbox.run(['plan', 'import', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${file} matches the log; nothing changed.\n`);
    expect(exportPlan()).toBe(before);
  });

  it('into a new log reproduces the programme exactly, renames, archives and units included', () => {
    sandbox.run(['exercise', 'set', 'squat', '--reps', '6-10', '--set', 'milestones.loadsKg=[20,30]']);
    sandbox.run(['exercise', 'rename', 'goblet squat', 'Front squat']);
    sandbox.run(['exercise', 'add', 'step up', '--equipment', 'dumbbell']);
    sandbox.run(['exercise', 'archive', 'bird dog']);
    const original = JSON.parse(exportPlan());
    original.units = 'lb';
    const file = writePlan('plan.json', original);

    const other = { REHAB_DB: path.join(sandbox.dir, 'other.db') };
    const result = sandbox.run(['plan', 'import', file], { env: other });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 added, 2 changed, 0 archived, 3 unchanged');
    expect(JSON.parse(exportPlan(other))).toEqual(original);
    expect(exportPlan(other)).toBe(`${JSON.stringify(original, null, 2)}\n`);
  });
});

describe('rehab plan import', () => {
  it('applies a plan: updates by name, adds, archives the rest, and reports it', () => {
    const plan = JSON.parse(exportPlan());
    plan.exercises = plan.exercises.filter((e: any) => e.name !== 'Bird dog');
    plan.exercises[0].settings.reps.max = 15;
    plan.exercises.push({ name: 'Back squat', aliases: ['bs'], settings: { ...plan.exercises[0].settings, equipment: 'barbell' } });
    const file = writePlan('plan.json', plan);

    const dry = sandbox.run(['plan', 'import', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      [
        `Checked ${file} (dry run, nothing written): it would make 1 added, 1 changed, 1 archived, 3 unchanged.`,
        '  + Back squat',
        '  ~ Goblet squat',
        '      reps.max  12 → 15',
        '  - Bird dog: archived, as the plan leaves it out (its history is kept)',
        '',
      ].join('\n'),
    );
    expect(sandbox.run(['exercise', 'list', '--format', 'json']).stdout).not.toContain('Back squat');

    const result = sandbox.run(['plan', 'import', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(dry.stdout.replace(`Checked ${file} (dry run, nothing written): it would make`, `Imported ${file}:`));
    const list = JSON.parse(sandbox.run(['exercise', 'list', '--all', '--format', 'json']).stdout);
    expect(list.map((e: any) => [e.name, e.archived])).toEqual([
      ['Goblet squat', false],
      ['Glute bridge', false],
      ['Romanian deadlift', false],
      ['Side plank', false],
      ['Bird dog', true],
      ['Back squat', false],
    ]);
    expect(list[0].settings.reps.max).toBe(15);
  });

  it('reads the plan from stdin with -', () => {
    const plan = JSON.parse(exportPlan());
    plan.exercises[1].settings.sets = 4;
    const result = sandbox.run(['plan', 'import', '-'], { input: JSON.stringify(plan) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported the plan on stdin: 0 added, 1 changed, 0 archived, 4 unchanged.\n  ~ Glute bridge\n      sets  3 → 4\n');
  });

  it('reports every problem with its path, the count first, exits 2 and writes nothing', () => {
    const before = exportPlan();
    const plan = JSON.parse(before);
    plan.exercises[0].settings.sets = 'three';
    plan.exercises[2].settings.reps = { min: 12, max: 8 };
    plan.exercises[3].name = 'Glute Bridge';
    plan.exercises[4].aliases.push('rdl');
    const file = writePlan('bad.json', plan);
    const result = sandbox.run(['plan', 'import', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        `rehab: ${file} has 4 problems, so nothing was imported:`,
        '  exercises[0].settings.sets must be a whole number (got "three").',
        '  exercises[2].settings.reps.max must be at least reps.min (12).',
        '  exercises[3].name "Glute Bridge" is already the name of exercises[1]; names must differ, ignoring case.',
        '  exercises[4].aliases[2] "rdl" is already an alias of exercises[2] ("Romanian deadlift"); each word names one exercise.',
        '',
      ].join('\n'),
    );
    expect(exportPlan()).toBe(before);
  });

  it.each<[string, string, string]>([
    ['a file that is not JSON', '{ "version": 1,', 'is not valid JSON'],
    ['an empty file', '', 'is empty. A plan is a JSON document, as `rehab plan export` writes.'],
    ['a list instead of a plan', '[]', 'has 1 problem, so nothing was imported:\n  the plan must be an object with $schema, version, units, exercises (got []).'],
  ])('refuses %s with exit 2', (_rule, text, message) => {
    const file = writePlan('plan.json', text);
    const result = sandbox.run(['plan', 'import', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('refuses a file that does not exist', () => {
    const result = sandbox.run(['plan', 'import', path.join(sandbox.dir, 'missing.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^rehab: There is no file .*missing\.json\. Check the path; `rehab plan export -o plan\.json` writes a plan\.\n$/);
  });
});

describe('rehab plan show', () => {
  it('lists every setting of each active exercise by path, and the archived ones by name', () => {
    sandbox.run(['exercise', 'archive', 'bird dog']);
    const result = sandbox.run(['plan', 'show']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        'Goblet squat  also squat, goblet',
        '    model      double',
        '    measure    reps',
        '    sets       3',
        '    reps       min 8 · max 12',
        '    seconds    min 20 · max 45 · increment 5',
        '    equipment  dumbbell',
        '    increment  kg 2 · lb 5',
        '    step       kg 2 · lb 5',
        '    start      bodyweight',
        '    pattern    squat',
      ].join('\n'),
    );
    expect(result.stdout).toContain('Archived (history kept): Bird dog');
    expect(sandbox.run(['plan']).stdout).toBe(result.stdout);
  });
});
