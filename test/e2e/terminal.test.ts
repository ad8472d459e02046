// The built binary on a real terminal (tmux): the questions of `rehab log`, `rehab init`,
// `rehab import`, `rehab pain`, `rehab bodyweight`, `rehab delete` and `rehab progress` answered
// as a person would, Ctrl-C half-way, and the SQLite file read after.
import path from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';
import { startRehab, type Terminal } from './tmux.js';

let sandbox: Sandbox;
let terminal: Terminal | undefined;

beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
  sandbox.cleanup();
});

function open(args: string[]): Terminal {
  terminal = startRehab(args, {
    dir: sandbox.dir,
    env: { PATH: process.env.PATH, HOME: sandbox.dir, XDG_DATA_HOME: path.join(sandbox.dir, 'data'), REHAB_DB: sandbox.db, TZ: process.env.TZ, NO_COLOR: '1' },
  });
  return terminal;
}

function query<T>(sql: string): T[] {
  const db = new Database(sandbox.db, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

interface StoredSet {
  exercise: string;
  reps: number | null;
  seconds: number | null;
  load_kind: string;
  load_value: number;
  load_unit: string;
  pain: number | null;
  source: string;
}

const STORED_SETS = `SELECT e.name AS exercise, s.reps, s.seconds, s.load_kind, s.load_value, s.load_unit, s.pain, s.source
  FROM sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.id`;

// Each test waits on a real terminal: generous, for a loaded machine; every wait polls.
const SLOW = { timeout: 180_000 };

describe('rehab log with no arguments, on a terminal', SLOW, () => {
  it('asks for the exercise, load, scheme and pain, then logs what was answered and says so', async () => {
    expect(sandbox.run(['next']).code).toBe(0);
    const t = open(['log']);
    await t.waitFor('Exercise');
    await t.waitFor('Goblet squat');
    t.type('bridge');
    // The list narrows as one types; Enter only once it shows the match first.
    await t.waitFor(/❯ Glute bridge/);
    t.send('Enter');
    await t.waitFor(/Load .*\(bodyweight\)/);
    t.type('bw+5kg');
    t.send('Enter');
    await t.waitFor(/Sets × reps .*\(3x10\)/);
    t.type('12,12,10');
    t.send('Enter');
    await t.waitFor('Pain during the session');
    t.type('3');
    t.send('Enter');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(0);
    expect(screen).toMatch(/Logged Glute bridge bw \+ 5 kg 12, 12, 10 on \w{3} \d{1,2} \w{3} \(ids 1–3\)\. Next: /);

    expect(query<StoredSet>(STORED_SETS)).toStrictEqual(
      [12, 12, 10].map((reps) => ({ exercise: 'Glute bridge', reps, seconds: null, load_kind: 'bodyweight', load_value: 5, load_unit: 'kg', pain: 3, source: 'typed' })),
    );
  });

  it('takes the prescription as the default of each answer', async () => {
    const t = open(['log']);
    // A new log: its set-up notice is said before the first question, not lost behind it.
    await t.waitFor('not medical advice');
    await t.waitFor(/❯ Goblet squat/);
    t.send('Enter');
    await t.waitFor('Load');
    t.send('Enter');
    await t.waitFor('Sets × reps');
    t.send('Enter');
    await t.waitFor('Pain during the session');
    t.send('Enter');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(0);
    expect(screen).toContain('Logged Goblet squat bodyweight 3×8');
    const sets = query<StoredSet>(STORED_SETS);
    expect(sets).toHaveLength(3);
    expect(sets.every((set) => set.reps === 8 && set.load_kind === 'bodyweight' && set.pain === null)).toBe(true);
  });

  it('cancels cleanly on Ctrl-C half-way: a short message, exit 130, no stack trace, nothing written', async () => {
    expect(sandbox.run(['next']).code).toBe(0);
    const before = query<{ n: number }>('SELECT (SELECT count(*) FROM sets) + (SELECT count(*) FROM batches) AS n');
    const t = open(['log']);
    await t.waitFor(/❯ Goblet squat/);
    t.send('Enter');
    await t.waitFor('Load');
    t.type('20kg');
    t.send('Enter');
    await t.waitFor('Sets × reps');
    t.send('C-c');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(130);
    expect(screen).toContain('rehab: cancelled; nothing was written.');
    expect(screen).not.toMatch(/ExitPromptError|at .*\.js:\d+/);
    expect(query<{ n: number }>('SELECT (SELECT count(*) FROM sets) + (SELECT count(*) FROM batches) AS n')).toStrictEqual(before);
    expect(before).toStrictEqual([{ n: 0 }]);
  });

  it('asks before creating an exercise it does not know, and creates it on yes', async () => {
    expect(sandbox.run(['next']).code).toBe(0);
    const t = open(['log', 'step', 'up', '10kg', '3x8']);
    await t.waitFor('No exercise is called "step up"');
    t.type('y');
    t.send('Enter');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(0);
    expect(screen).toContain('Logged Step up 10 kg 3×8');
    expect(query<StoredSet>(STORED_SETS).map((set) => set.exercise)).toStrictEqual(['Step up', 'Step up', 'Step up']);
  });
});

describe('rehab init on a terminal', SLOW, () => {
  it('sets up a new log from the answers: units, body weight, programme, start loads', async () => {
    const t = open(['init']);
    await t.waitFor('not medical advice');
    await t.waitFor('Units for loads');
    t.send('Down');
    await t.waitFor(/❯ lb/);
    t.send('Enter');
    await t.waitFor('Body weight');
    t.type('180');
    t.send('Enter');
    await t.waitFor('Your programme');
    // Untick the last one, Bird dog.
    for (let i = 0; i < 4; i++) t.send('Down');
    await t.waitFor(/❯\s*◉ Bird dog/);
    t.send('Space');
    await t.waitFor(/❯\s*◯ Bird dog/);
    t.send('Enter');
    await t.waitFor('Add an exercise?');
    t.type('step up');
    t.send('Enter');
    await t.waitFor('Step up: equipment');
    t.send('Down');
    await t.waitFor(/❯ dumbbell/);
    t.send('Enter');
    await t.waitFor('Step up: counted in');
    t.send('Enter');
    await t.waitFor('Add another?');
    t.send('Enter');
    await t.waitFor('Start loads:');
    t.type('n');
    t.send('Enter');
    await t.waitFor('Save this?');
    const summary = t.screen();
    expect(summary).toContain('Units        lb');
    expect(summary).toContain('Body weight  180 lb');
    expect(summary).toContain('Left out     Bird dog');
    t.send('Enter');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(0);
    expect(screen).toContain('Saved. Run `rehab next` to see your first session.');

    expect(query<{ value: string }>("SELECT value FROM meta WHERE key = 'units'")).toStrictEqual([{ value: 'lb' }]);
    expect(query<{ value: number; unit: string }>('SELECT value, unit FROM bodyweights')).toStrictEqual([{ value: 180, unit: 'lb' }]);
    expect(query<{ name: string; archived: number }>('SELECT name, archived FROM exercises ORDER BY id')).toStrictEqual(
      ['Goblet squat', 'Glute bridge', 'Romanian deadlift', 'Side plank', 'Step up'].map((name) => ({ name, archived: 0 })),
    );
    const rdl = query<{ settings: string }>("SELECT settings FROM exercises WHERE name = 'Romanian deadlift'")[0]!;
    expect(JSON.parse(rdl.settings).start).toStrictEqual({ kind: 'external', value: 20, unit: 'lb' });
    // Said once, here: the next command does not repeat it.
    expect(sandbox.run(['next']).stderr).not.toContain('not medical advice');
  });

  it('cancelled half-way writes nothing: the log is still not set up', async () => {
    const t = open(['init']);
    await t.waitFor('Units for loads');
    t.send('Enter');
    await t.waitFor('Body weight');
    t.send('C-c');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(130);
    expect(screen).toContain('rehab: cancelled; nothing was written.');
    if (existsSync(sandbox.db)) {
      expect(query('SELECT * FROM exercises')).toStrictEqual([]);
      expect(query("SELECT * FROM meta WHERE key IN ('units', 'seeded_at')")).toStrictEqual([]);
      expect(query('SELECT * FROM bodyweights')).toStrictEqual([]);
    }
  });
});

describe('rehab import on a terminal', SLOW, () => {
  it('asks what each unknown exercise name is: one of yours, or skip its rows', async () => {
    expect(sandbox.run(['next']).code).toBe(0);
    const file = path.join(sandbox.dir, 'hevy.csv');
    writeFileSync(
      file,
      [
        'title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe',
        '"Legs","13 Mar 2026, 15:22","13 Mar 2026, 16:00","","Hip Thrust (Barbell)",,"",0,"normal",60,10,,,',
        '"Legs","13 Mar 2026, 15:22","13 Mar 2026, 16:00","","Hip Thrust (Barbell)",,"",1,"normal",60,10,,,',
        '"Legs","13 Mar 2026, 15:22","13 Mar 2026, 16:00","","Bench Press (Barbell)",,"",0,"normal",50,8,,,',
      ].join('\n'),
    );
    const t = open(['import', file]);
    await t.waitFor('"Hip Thrust (Barbell)" (2 rows) is not in your log');
    t.type('bridge');
    await t.waitFor(/❯ Glute bridge/);
    t.send('Enter');
    await t.waitFor('"Bench Press (Barbell)" (1 row) is not in your log');
    t.type('skip');
    await t.waitFor(/❯ skip its 1 row/);
    t.send('Enter');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(0);
    expect(screen).toContain('Skipped as you chose, 1 row: "Bench Press (Barbell)" (1 row).');
    expect(query<StoredSet>(STORED_SETS).map((set) => `${set.exercise} ${set.load_value}${set.load_unit} ×${set.reps}`)).toStrictEqual([
      'Glute bridge 60kg ×10',
      'Glute bridge 60kg ×10',
    ]);
  });
});

describe('rehab delete, edit and progress without what they act on, on a terminal', SLOW, () => {
  it('delete offers the latest sets and deletes the one picked once confirmed', async () => {
    expect(sandbox.run(['log', 'squat', '20kg', '3x8']).code).toBe(0);
    const t = open(['delete']);
    await t.waitFor(/❯ 3 {2}\w{3} \d{1,2} \w{3} .*Goblet squat {2}set 3 {2}20 kg × 8/);
    t.send('Enter');
    await t.waitFor('It cannot be undone. (y/N)');
    t.type('y');
    t.send('Enter');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(0);
    expect(screen).toMatch(/Deleted .*Goblet squat {2}set 3 {2}20 kg × 8 {2}\(id 3, uid /);
    expect(query<{ id: number }>('SELECT id FROM sets ORDER BY id')).toStrictEqual([{ id: 1 }, { id: 2 }]);
  });

  it('edit with no change asks which values, then each one over the current one, and corrects the set', async () => {
    expect(sandbox.run(['log', 'squat', '20kg', '3x8']).code).toBe(0);
    const t = open(['edit', '2']);
    await t.waitFor('Change which values?');
    t.send('Down');
    t.send('Space');
    t.send('Enter');
    await t.waitFor('Reps (10, or 10@8 with the RPE)');
    t.send('BSpace');
    t.type('7');
    t.send('Enter');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(0);
    expect(screen).toMatch(/before .*20 kg × 8\n.*after .*20 kg × 7/);
    expect(query<{ reps: number }>('SELECT reps FROM sets ORDER BY id')).toStrictEqual([{ reps: 8 }, { reps: 7 }, { reps: 8 }]);
  });

  it('progress lists the exercises to chart and draws the one picked', async () => {
    expect(sandbox.run(['log', 'bridge', '30kg', '3x10', '--date', '-2d']).code).toBe(0);
    expect(sandbox.run(['log', 'bridge', '32.5kg', '3x10']).code).toBe(0);
    const t = open(['progress']);
    await t.waitFor('Exercise to chart');
    t.type('bridge');
    await t.waitFor(/❯ Glute bridge/);
    t.send('Enter');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(0);
    expect(screen).toContain('Glute bridge');
    expect(screen).toMatch(/30 kg → 32\.5 kg/);
  });
});

describe('rehab pain and rehab bodyweight without their number, on a terminal', SLOW, () => {
  it('pain asks for it, and the check-in is recorded', async () => {
    expect(sandbox.run(['next']).code).toBe(0);
    const t = open(['pain']);
    await t.waitFor('Pain this morning, 0 (none) to 10');
    t.type('4');
    t.send('Enter');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(0);
    expect(screen).toMatch(/Checked in pain 4\/10 on \w{3} \d{1,2} \w{3}\./);
    expect(query<{ pain: number }>('SELECT pain FROM pain_checkins')).toStrictEqual([{ pain: 4 }]);
  });

  it('bodyweight asks for it, and the weight is recorded as entered', async () => {
    expect(sandbox.run(['next']).code).toBe(0);
    const t = open(['bodyweight']);
    await t.waitFor('Body weight (82.5kg, 180lb, or a number in kg)');
    t.type('81.5kg');
    t.send('Enter');
    const { code, screen } = await t.waitForExit();
    expect(code).toBe(0);
    expect(screen).toMatch(/Body weight 81\.5 kg on \w{3} \d{1,2} \w{3}\./);
    expect(query<{ value: number; unit: string }>('SELECT value, unit FROM bodyweights')).toStrictEqual([{ value: 81.5, unit: 'kg' }]);
  });
});
