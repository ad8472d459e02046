// `rehab init` from flags through the built binary (stdin is a pipe here, never a terminal), and
// every command that could ask a question, run without a terminal: a usage error, exit 2, and
// nothing written.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

function query<T>(sql: string): T[] {
  const db = new Database(sandbox.db, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Every row a command could write, to check that a refused one wrote nothing. */
function snapshot() {
  if (!existsSync(sandbox.db)) return null;
  const tables = query<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").map((table) => table.name);
  return Object.fromEntries(tables.map((table) => [table, query(`SELECT * FROM "${table}"`)]));
}

const exercises = () =>
  query<{ name: string; archived: number; settings: string }>('SELECT name, archived, settings FROM exercises ORDER BY id').map((row) => ({
    name: row.name,
    archived: row.archived === 1,
    start: JSON.parse(row.settings).start,
  }));

describe('rehab init --yes', () => {
  it('sets up a new log from the flags, and says the safety notice once, here', () => {
    const result = sandbox.run(['init', '--yes', '--units', 'lb', '--bodyweight', '180lb', '--drop', 'bird dog', '--add', 'step up', '--start', 'rdl=25lb']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual(
      [
        `A new log at ${sandbox.db}:`,
        '  Units        lb',
        expect.stringMatching(/^ {2}Body weight {2}180 lb \(\w{3} \d{1,2} \w{3}\)$/),
        '  Programme    Goblet squat       starts at bodyweight',
        '               Glute bridge       starts at bodyweight',
        '               Romanian deadlift  starts at 25 lb',
        '               Side plank         starts at bodyweight',
        '               Step up            starts at bodyweight',
        '  Left out     Bird dog',
        'Run `rehab next` to see your first session.',
        '',
      ],
    );
    expect(result.stderr.match(/not medical advice/g)).toHaveLength(1);
    expect(result.stderr).toContain('night pain that disturbs your sleep');

    expect(query("SELECT value FROM meta WHERE key = 'units'")).toStrictEqual([{ value: 'lb' }]);
    expect(query('SELECT value, unit FROM bodyweights')).toStrictEqual([{ value: 180, unit: 'lb' }]);
    expect(exercises().map((exercise) => exercise.name)).toStrictEqual(['Goblet squat', 'Glute bridge', 'Romanian deadlift', 'Side plank', 'Step up']);

    const next = sandbox.run(['next', 'rdl']);
    expect(next.stdout).toContain('Romanian deadlift  25 lb');
    expect(next.stderr).not.toContain('not medical advice');
    // A bare number is in the log's units now.
    expect(sandbox.run(['log', 'step', 'up', '20', '3x8']).stdout).toMatch(/^Logged Step up 20 lb 3×8/);
  });

  it('with no other flag, sets up the starter programme in kg, as a first command would', () => {
    const result = sandbox.run(['init', '-y']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Body weight  not given (record it any time with `rehab bodyweight`)');
    expect(exercises().map((exercise) => exercise.name)).toStrictEqual(['Goblet squat', 'Glute bridge', 'Romanian deadlift', 'Side plank', 'Bird dog']);
    expect(query("SELECT value FROM meta WHERE key = 'units'")).toStrictEqual([{ value: 'kg' }]);
  });

  it('run again on a log with history changes settings only: no set, load or unit of the history changes', () => {
    expect(sandbox.run(['log', 'squat', '20kg', '3x10']).code).toBe(0);
    expect(sandbox.run(['log', 'bird', 'dog', 'x10']).code).toBe(0);
    expect(sandbox.run(['bodyweight', '80kg']).code).toBe(0);
    const history = query('SELECT * FROM sets ORDER BY id');
    const bodyweights = query('SELECT * FROM bodyweights ORDER BY id');

    const result = sandbox.run(['init', '--yes', '--units', 'lb', '--drop', 'bird dog', '--bodyweight', '80kg']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `Changes to the log at ${sandbox.db} (what you logged stays as it is):`,
        '  Units: kg → lb. Loads already logged stay as they were logged; a bare number now means lb.',
        '  Body weight: 80 kg, as already recorded.',
        '  Romanian deadlift starts at 20 lb (was 8 kg, in the old units).',
        '  Archived Bird dog: its history stays; `rehab exercise unarchive "Bird dog"` brings it back.',
        '  Programme: Goblet squat, Glute bridge, Romanian deadlift, Side plank.',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('');
    expect(query('SELECT * FROM sets ORDER BY id')).toStrictEqual(history);
    expect(query('SELECT * FROM bodyweights ORDER BY id')).toStrictEqual(bodyweights);
    expect(exercises()[0]).toStrictEqual({ name: 'Goblet squat', archived: false, start: { kind: 'bodyweight', added: 0, unit: 'kg' } });
    expect(sandbox.run(['history', 'squat']).stdout).toContain('20 kg');

    // The same again changes nothing.
    const again = sandbox.run(['init', '--yes', '--units', 'lb', '--drop', 'bird dog', '--bodyweight', '80kg']);
    expect(again.stdout).toContain(`Nothing to change in the log at ${sandbox.db}.`);
  });

  it('leaves a dropped exercise out of a new log, and brings an archived one back with --add', () => {
    expect(sandbox.run(['init', '--yes', '--drop', 'bird dog']).code).toBe(0);
    expect(exercises().map((exercise) => exercise.name)).not.toContain('Bird dog');
    expect(sandbox.run(['exercise', 'add', 'dead', 'bug']).code).toBe(0);
    expect(sandbox.run(['init', '--yes', '--drop', 'dead bug']).stdout).toContain('  Archived Dead bug; `rehab exercise unarchive "Dead bug"` brings it back.');
    const result = sandbox.run(['init', '--yes', '--add', 'dead bug']);
    expect(result.stdout).toContain('  Brought back Dead bug.');
    expect(exercises().filter((exercise) => exercise.name === 'Dead bug')).toStrictEqual([{ name: 'Dead bug', archived: false, start: { kind: 'bodyweight', added: 0, unit: 'kg' } }]);
  });
});

describe('rehab init refusals: exit 2, one line, nothing written', () => {
  it.each<[string, string[], RegExp]>([
    ['no terminal and no --yes', ['init'], /^rehab: `rehab init` asks its questions on a terminal, and stdin is not one\. To set up from a script, give the answers as flags: `rehab init --yes \[--units kg\|lb\] \[--bodyweight 80kg\] \[--drop NAME\]… \[--add NAME\]… \[--start NAME=LOAD\]…`\.\n$/],
    ['no terminal, flags but no --yes', ['init', '--units', 'lb'], /^rehab: `rehab init` asks its questions on a terminal, and stdin is not one\./],
    ['a --start without "="', ['init', '--yes', '--start', 'rdl'], /^rehab: --start "rdl" is not an exercise and a load\. Write the exercise, "=", then its first load, as in --start "rdl=12kg" or --start "bridge=bw"\.\n$/],
    ['a --start load that is not one', ['init', '--yes', '--start', 'rdl=12 kilos'], /^rehab: --start "rdl=12 kilos": Load "12 kilos" has an unknown unit "kilos"\. Write it like --start "rdl=12kg" or --start "bridge=bw"\.\n$/],
    ['a --drop that names nothing', ['init', '--yes', '--drop', 'brid dog'], /^rehab: --drop "brid dog": no exercise of the programme is called that\. Did you mean Bird dog\? The programme: Goblet squat, Glute bridge, Romanian deadlift, Side plank, Bird dog\.\n$/],
    ['a --start for an exercise also dropped', ['init', '--yes', '--drop', 'rdl', '--start', 'rdl=12kg'], /^rehab: Romanian deadlift is not in the programme, so it has no start load to set\. Leave out its --start, or stop dropping it\.\n$/],
    ['an exercise both dropped and added', ['init', '--yes', '--drop', 'bird dog', '--add', 'bird dog'], /^rehab: Bird dog is both dropped and added\. Give it once, with --drop or with --add\.\n$/],
    ['a body weight that is not one', ['init', '--yes', '--bodyweight', 'bw'], /^rehab: "bw" is a load relative to body weight, not a body weight\. Give it in kg or lb/],
    ['a body weight out of range', ['init', '--yes', '--bodyweight', '800kg'], /^rehab: Body weight "800kg" is outside 20–400 kg\. Check the number and the unit\.\n$/],
    ['an unknown --units', ['init', '--yes', '--units', 'stone'], /^rehab: option '--units <unit>' argument 'stone' is invalid\. Allowed choices are kg, lb\.\n$/],
  ])('%s', (_case, args, message) => {
    const result = sandbox.run(args);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(snapshot()?.exercises ?? []).toStrictEqual([]);
    expect(snapshot()?.meta ?? []).toStrictEqual([]);
  });

  it('without a terminal and --yes, does not even create the log file', () => {
    expect(sandbox.run(['init']).code).toBe(2);
    expect(existsSync(sandbox.db)).toBe(false);
  });

  it('a refusal on a log set up before leaves every row as it was', () => {
    expect(sandbox.run(['log', 'squat', '20kg', '3x10']).code).toBe(0);
    const before = snapshot();
    expect(sandbox.run(['init', '--yes', '--units', 'lb', '--drop', 'sqaut']).code).toBe(2);
    expect(sandbox.run(['init', '--units', 'lb']).code).toBe(2);
    expect(snapshot()).toStrictEqual(before);
  });
});

describe('every command that could ask, without a terminal: nothing is asked', () => {
  it.each<[string, string[], RegExp]>([
    ['rehab log with no words names what is missing', ['log'], /^rehab: Missing the exercise to log\. Write it like `rehab log squat 25kg 3x8`\. On a terminal, `rehab log` alone asks for each part\.\n$/],
    ['rehab log with options but no exercise', ['log', '--pain', '2', '--date', 'yesterday'], /^rehab: Missing the exercise to log\./],
    ['rehab log of an unknown exercise refuses rather than asking to create it', ['log', 'step', 'up', '10kg'], /^rehab: No exercise is called "step up"\. .*Add it as a new exercise with --new\.\n$/],
    ['rehab init without --yes', ['init'], /^rehab: `rehab init` asks its questions on a terminal/],
  ])('%s: exit 2, nothing written', (_case, args, message) => {
    expect(sandbox.run(['next']).code).toBe(0);
    const before = snapshot();
    const result = sandbox.run(args);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(snapshot()).toStrictEqual(before);
  });

  it('rehab import keeps creating new exercises for unknown names: nothing is missing there', () => {
    const file = path.join(sandbox.dir, 'hevy.csv');
    writeFileSync(
      file,
      [
        'title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe',
        '"Legs","13 Mar 2026, 15:22","13 Mar 2026, 16:00","","Hip Thrust (Barbell)",,"",0,"normal",60,10,,,',
      ].join('\n'),
    );
    const result = sandbox.run(['import', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Hip Thrust (Barbell)  1 added  (new exercise)');
  });
});
