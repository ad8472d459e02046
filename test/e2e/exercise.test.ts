// `rehab exercise …` through the built binary: stdout, stderr and exit codes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
  // Create the log (and its first-run notices) up front, so each test sees only its own output.
  expect(sandbox.run(['next']).code).toBe(0);
});
afterEach(() => sandbox.cleanup());

function json(args: string[]): any {
  const result = sandbox.run(args);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('rehab exercise list', () => {
  it('lists every active exercise with its aliases and main settings', () => {
    const result = sandbox.run(['exercise', 'list']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Goblet squat  also squat, goblet\n    double 3×8–12 reps · dumbbell +2 kg, step 2 kg · start bodyweight · pattern squat\n');
    expect(result.stdout).toContain('Side plank  also plank, side bridge\n    timed 3×20–45 s, +5 s · bodyweight +2.5 kg, step 2.5 kg · start bodyweight · pattern core\n');
    // `rehab exercise` alone is the list.
    expect(sandbox.run(['exercise']).stdout).toBe(result.stdout);
  });

  it('shows increments in --units', () => {
    expect(sandbox.run(['--units', 'lb', 'exercise', 'list']).stdout).toContain('dumbbell +5 lb, step 5 lb');
  });

  it('gives JSON with the whole settings, and archived exercises only with --all', () => {
    expect(sandbox.run(['exercise', 'archive', 'bird', 'dog']).code).toBe(0);
    const active = json(['exercise', 'list', '--format', 'json']);
    expect(active.map((e: any) => e.name)).toEqual(['Goblet squat', 'Glute bridge', 'Romanian deadlift', 'Side plank']);
    expect(active[0]).toEqual({
      id: 1,
      name: 'Goblet squat',
      aliases: ['squat', 'goblet'],
      archived: false,
      settings: expect.objectContaining({ model: 'double', sets: 3, reps: { min: 8, max: 12 }, equipment: 'dumbbell', pattern: 'squat' }),
    });
    const all = json(['exercise', 'list', '--all', '--format', 'json']);
    expect(all.at(-1)).toMatchObject({ name: 'Bird dog', archived: true });
    expect(sandbox.run(['exercise', 'list', '--all']).stdout).toContain('Bird dog  also birddog, bird-dog  (archived)');
  });
});

describe('rehab exercise add', () => {
  it('adds an exercise with its equipment defaults and the flags, and it can be logged at once', () => {
    const result = sandbox.run(['exercise', 'add', 'step', 'up', '--equipment', 'dumbbell', '--reps', '10-15', '--alias', 'stepup']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Added Step up (also stepup): double 3×10–15 reps · dumbbell +2 kg, step 2 kg · start bodyweight · pattern other.\n');
    expect(sandbox.run(['log', 'stepup', '4kg', '3x12']).code).toBe(0);
  });

  it('refuses a name that is taken, and settings the schema refuses, adding nothing', () => {
    const taken = sandbox.run(['exercise', 'add', 'squat']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toBe('rehab: "Squat" already names the exercise "Goblet squat". Pick another name or alias.\n');
    const bad = sandbox.run(['exercise', 'add', 'hip thrust', '--reps', '12-8']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('rehab: reps.max must be at least reps.min (12). Nothing was added; `rehab exercise set --help` lists the settings.\n');
    expect(json(['exercise', 'list', '--all', '--format', 'json'])).toHaveLength(5);
  });
});

describe('rehab exercise set', () => {
  it('prints what changed, old → new, and next uses it', () => {
    const result = sandbox.run(['exercise', 'set', 'squat', '--reps', '6-10', '--sets', '4']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Changed Goblet squat:\n  sets      3 → 4\n  reps.min  8 → 6\n  reps.max  12 → 10\n');
    const next = json(['next', 'squat', '--format', 'json']);
    expect(next.prescriptions[0]).toMatchObject({ sets: 4, reps: { min: 6, max: 10 } });
  });

  it('refuses a bad value with one line naming the setting and the allowed values, and writes nothing', () => {
    const before = sandbox.run(['plan', 'export']).stdout;
    const result = sandbox.run(['exercise', 'set', 'squat', '--equipment', 'cable', '--sets', '4']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'rehab: equipment must be one of barbell, dumbbell, kettlebell, machine, bodyweight (got "cable"). Nothing was changed; `rehab exercise set --help` lists the settings.\n',
    );
    expect(sandbox.run(['plan', 'export']).stdout).toBe(before);
  });
});

describe('rehab exercise rename and archive', () => {
  it('rename keeps the history (shown under the new name) and the old name works as an alias', () => {
    expect(sandbox.run(['log', 'squat', '20kg', '3x10', '--date', '2026-01-05']).code).toBe(0);
    const result = sandbox.run(['exercise', 'rename', 'goblet squat', 'Front squat']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'Renamed Goblet squat to Front squat; its history, settings and aliases are kept. "Goblet squat" is now an alias, so it still works in `rehab log`.\n',
    );
    const history = sandbox.run(['history']);
    expect(history.stdout).toContain('Front squat  20 kg 3×10');
    expect(history.stdout).not.toContain('Goblet squat');
    const sessions = json(['history', 'goblet squat', '--format', 'json']);
    expect(sessions).toEqual([expect.objectContaining({ date: '2026-01-05', exercise: 'Front squat' })]);
    expect(json(['exercise', 'list', '--format', 'json'])[0].aliases).toEqual(['squat', 'goblet', 'Goblet squat']);
  });

  it('rename --no-alias drops the old name, and a taken name is refused', () => {
    expect(sandbox.run(['exercise', 'rename', 'bird dog', 'Bird-dog row', '--no-alias']).code).toBe(0);
    expect(sandbox.run(['log', 'bird dog', 'bw', '3x8']).code).toBe(2);
    const taken = sandbox.run(['exercise', 'rename', 'squat', 'glute bridge']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toBe('rehab: There is already an exercise called "Glute bridge". Pick another name or alias.\n');
  });

  it('an archived exercise leaves `next`, keeps its history, refuses logging, and comes back with unarchive', () => {
    expect(sandbox.run(['log', 'bridge', 'bw', '3x12', '--date', '2026-01-05']).code).toBe(0);
    const archived = sandbox.run(['exercise', 'archive', 'glute', 'bridge']);
    expect(archived.code).toBe(0);
    expect(archived.stdout).toBe(
      'Archived Glute bridge: it is left out of `rehab next` and its history is kept. Bring it back with `rehab exercise unarchive "Glute bridge"`.\n',
    );
    expect(json(['next', '--format', 'json']).prescriptions.map((p: any) => p.exercise)).not.toContain('Glute bridge');
    expect(sandbox.run(['history']).stdout).toContain('Glute bridge  bodyweight 3×12');

    const logged = sandbox.run(['log', 'bridge', 'bw', '3x12']);
    expect(logged.code).toBe(2);
    expect(logged.stderr).toBe('rehab: Glute bridge is archived. Bring it back with `rehab exercise unarchive "Glute bridge"`, then log it.\n');

    expect(sandbox.run(['exercise', 'archive', 'bridge']).stdout).toBe('Glute bridge is already archived; nothing changed.\n');
    expect(sandbox.run(['exercise', 'unarchive', 'bridge']).stdout).toBe('Brought back Glute bridge: it is in `rehab next` again, with its history.\n');
    expect(json(['next', '--format', 'json']).prescriptions.map((p: any) => p.exercise)).toContain('Glute bridge');
  });

  it('names a missing exercise with suggestions', () => {
    const result = sandbox.run(['exercise', 'archive', 'sqaut']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('rehab: No exercise is called "sqaut". Did you mean Goblet squat? Run `rehab exercise list --all` to see the exercises.\n');
  });
});
