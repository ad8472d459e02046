// The built binary, run as a user would: log → next → history, exit codes, stdout and stderr.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

function setCount(db: string): number {
  const handle = new Database(db, { readonly: true });
  try {
    return (handle.prepare('SELECT count(*) AS n FROM sets').get() as { n: number }).n;
  } finally {
    handle.close();
  }
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('a new user', () => {
  it('gets a first prescription for every starter exercise, and the safety notice once', () => {
    const first = sandbox.run(['next']);
    expect(first.code).toBe(0);
    for (const name of ['Goblet squat', 'Glute bridge', 'Romanian deadlift', 'Side plank', 'Bird dog']) {
      expect(first.stdout).toContain(name);
    }
    expect(first.stdout).toContain('start');
    expect(first.stderr).toContain('not medical advice');
    expect(first.stderr).toContain('numbness around the genitals or anus');

    const second = sandbox.run(['next']);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('not medical advice');
  });

  it('creates the log owner-only in the XDG data folder when no --db or REHAB_DB is given', () => {
    const result = sandbox.run(['next'], { env: { REHAB_DB: '' } });
    expect(result.code).toBe(0);
    const file = path.join(sandbox.dir, 'data', 'rehab', 'rehab.db');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('uses --db over REHAB_DB', () => {
    const other = path.join(sandbox.dir, 'nested', 'other.db');
    expect(sandbox.run(['--db', other, 'log', 'squat', '20kg', '3x8']).code).toBe(0);
    expect(setCount(other)).toBe(3);
    expect(existsSync(sandbox.db)).toBe(false);
  });
});

describe('log → next → history', () => {
  it('12,5 with no load is two sets, by the grammar, and the note says how to log 12.5 kg instead', () => {
    const result = sandbox.run(['log', 'squat', '12,5']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Logged Goblet squat bodyweight 12, 5 on /);
    expect(result.stderr).toContain('No load given: recorded the prescribed bodyweight.\nIf you meant a load of 12.5 (not two sets, of 12 and 5 reps), run `rehab undo` and write 12.5kg.\n');
    expect(sandbox.run(['log', 'squat', '20kg', '12,5']).stderr).not.toContain('If you meant');
  });

  it('records the prescription when no scheme is given, and says so', () => {
    const result = sandbox.run(['log', 'squat', '25kg']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Logged Goblet squat 25 kg 3×8 on \w{3} \d{1,2} \w{3} \(ids 1–3\)\. Next: 25 kg 3×9 \(range 8–12\), hold\.\n$/);
    expect(result.stderr).toContain('No scheme given: recorded the prescribed 3×8.');
  });

  it('keeps 55 lb as 55 lb, shows it in history and prescribes in lb', () => {
    expect(sandbox.run(['log', 'squat', '55lb', '3x12', '--date', '2026-01-05']).code).toBe(0);
    const history = sandbox.run(['history']);
    expect(history.code).toBe(0);
    expect(history.stdout).toContain('Goblet squat  55 lb 3×12');
    expect(history.stdout).not.toContain('24.9');

    const next = JSON.parse(sandbox.run(['next', 'squat', '--date', '2026-01-07', '--format', 'json']).stdout);
    expect(next.prescriptions[0]).toMatchObject({ exercise: 'Goblet squat', action: 'progress', load: 60, unit: 'lb' });
  });

  it('gives valid JSON with load, unit, sets, reps, action and reasons for each exercise', () => {
    sandbox.run(['log', 'squat', '25kg', '3x10']);
    const result = sandbox.run(['next', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.prescriptions).toHaveLength(5);
    for (const item of report.prescriptions) {
      expect(typeof item.load).toBe('number');
      expect(['kg', 'lb']).toContain(item.unit);
      expect(item.sets).toBeGreaterThan(0);
      expect(item.reps ?? item.seconds).toMatchObject({ min: expect.any(Number), max: expect.any(Number), target: expect.any(Number) });
      expect(['start', 'progress', 'hold', 'deload', 'regress', 'resume']).toContain(item.action);
      expect(item.reasons.length).toBeGreaterThan(0);
    }
    const squat = report.prescriptions.find((item: { exercise: string }) => item.exercise === 'Goblet squat');
    expect(squat).toMatchObject({ action: 'hold', load: 25, unit: 'kg', reps: { target: 11 } });
  });

  it('shows history newest first, grouped by day, and as JSON', () => {
    sandbox.run(['log', 'squat', '20kg', '3x10', '--date', '2026-03-02']);
    sandbox.run(['log', 'bridge', 'bw', '3x12', '--date', '2026-03-02', '--note', 'felt fine, =SUM(A1)']);
    sandbox.run(['log', 'squat', '20kg', '3x12', '--date', '2026-03-04']);
    const text = sandbox.run(['history']).stdout;
    expect(text.indexOf('Wed 4 Mar')).toBeLessThan(text.indexOf('Mon 2 Mar'));
    expect(text).toContain('felt fine, =SUM(A1)');

    const json = JSON.parse(sandbox.run(['history', 'squat', '--format', 'json']).stdout);
    expect(json.map((session: { date: string }) => session.date)).toEqual(['2026-03-04', '2026-03-02']);
    expect(json[0].sets).toHaveLength(3);
    expect(json[0].sets[0]).toMatchObject({ reps: 12, load: 20, unit: 'kg', source: 'typed' });

    expect(JSON.parse(sandbox.run(['history', '--limit', '1', '--format', 'json']).stdout)).toHaveLength(1);
    expect(JSON.parse(sandbox.run(['history', '--until', '2026-03-03', '--format', 'json']).stdout)).toHaveLength(2);
  });

  it('shows history as CSV: one row per set, the same sets and values as the JSON, formulas neutralised', () => {
    sandbox.run(['log', 'squat', '20kg', '3x10', '--date', '2026-03-02']);
    sandbox.run(['bodyweight', '80kg', '--date', '2026-03-01']);
    sandbox.run(['log', 'bridge', 'bw+5kg', '2x12', '--rpe', '8', '--date', '2026-03-02', '--note', '=SUM(A1), felt fine']);
    sandbox.run(['log', 'plank', '3x30s', '--date', '2026-03-04']);
    for (const units of [[], ['--units', 'lb']]) {
      const csv = sandbox.run([...units, 'history', '--format', 'csv']);
      expect(csv.code).toBe(0);
      expect(csv.stdout.split('\r\n')[0]).toBe('date,exercise,session,set,reps,seconds,load,unit,load_type,total,rpe,pain,note,id,uid,source');
      const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
      const sessions = JSON.parse(sandbox.run([...units, 'history', '--format', 'json']).stdout) as Array<{ date: string; exercise: string; sets: Array<Record<string, unknown>> }>;
      const cell = (value: unknown) => (value === null ? '' : String(value));
      expect(rows).toEqual(
        sessions.flatMap((session) =>
          session.sets.map((set) => ({
            date: session.date,
            exercise: session.exercise,
            session: expect.stringMatching(/^\d+$/),
            set: cell(set.set),
            reps: cell(set.reps),
            seconds: cell(set.seconds),
            load: cell(set.load),
            unit: cell(set.unit),
            load_type: set.bodyweight ? 'bodyweight' : 'external',
            total: cell(set.total),
            rpe: cell(set.rpe),
            pain: cell(set.pain),
            // A spreadsheet would run "=SUM(A1)…" as a formula: it is written as text.
            note: set.note === null ? '' : String(set.note).startsWith('=') ? `'${set.note}` : cell(set.note),
            id: cell(set.id),
            uid: cell(set.uid),
            source: cell(set.source),
          })),
        ),
      );
      expect(rows.map((row) => row.exercise)).toEqual(['Side plank', 'Side plank', 'Side plank', 'Goblet squat', 'Goblet squat', 'Goblet squat', 'Glute bridge', 'Glute bridge']);
    }
    expect(sandbox.run(['history', '--since', '2027-01-01', '--format', 'csv']).stdout).toBe(
      'date,exercise,session,set,reps,seconds,load,unit,load_type,total,rpe,pain,note,id,uid,source\r\n',
    );
  });

  it('shows loads in lb with --units lb without changing what is stored', () => {
    sandbox.run(['log', 'squat', '20kg', '3x10', '--date', '2026-03-02']);
    expect(sandbox.run(['--units', 'lb', 'history']).stdout).toContain('44.092 lb');
    expect(sandbox.run(['history']).stdout).toContain('20 kg');
  });
});

describe('bad input: exit 2, one line on stderr, nothing written', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a load with an unknown unit', ['log', 'squat', '25kgs'], /25kgs/],
    ['a misspelt exercise, with a suggestion', ['log', 'sqaut', '25kg'], /No exercise is called "sqaut"\. Did you mean Goblet squat/],
    ['a date in the future', ['log', 'squat', '25kg', '--date', 'tomorrow'], /future/],
    ['a scheme in reps for a timed hold', ['log', 'side plank', 'bw', '3x8'], /timed hold/],
    ['an RPE out of range', ['log', 'squat', '25kg', '3x8', '--rpe', '11'], /11/],
    ['pain out of range', ['log', 'squat', '25kg', '--pain', '12'], /12/],
    ['no exercise at all', ['log'], /Missing the exercise/],
    ['an unknown command', ['nxt'], /unknown command 'nxt'.*next/],
    ['an unknown option, and where the options are', ['next', '--fast'], /^rehab: unknown option '--fast' \(`rehab next --help` lists the options\.\)\n$/],
    ['a mistyped option, with the closest one', ['next', '--formt', 'json'], /^rehab: unknown option '--formt' \(Did you mean --format\?\)\n$/],
    [
      'a negative load, read as an option: how to write assistance',
      ['log', 'squat', '-5kg'],
      /^rehab: unknown option '-5kg' \(a number here is never negative: assistance on a bodyweight exercise is written bw-20kg; `rehab log --help` lists the options\.\)\n$/,
    ],
    ['an option without its value', ['--units', 'kg', 'log', 'squat', '25kg', '--note'], /^rehab: option '--note <text>' argument missing \(`rehab log --help` shows how to write it\.\)\n$/],
    ['an extra word', ['exercise', 'list', 'extra'], /^rehab: too many arguments for 'list'\. Expected 0 arguments but got 1\. \(`rehab exercise list --help` shows how to write it\.\)\n$/],
    ['a bad format', ['next', '--format', 'xml'], /xml/],
  ];

  it.each(cases)('%s', (_name, args, message) => {
    sandbox.run(['log', 'squat', '20kg', '3x8', '--date', '2026-03-02']);
    const before = setCount(sandbox.db);
    const result = sandbox.run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(setCount(sandbox.db)).toBe(before);
  });

  it('a runtime error is one line too, without a stack trace', () => {
    const file = path.join(sandbox.dir, 'notes.txt');
    writeFileSync(file, 'not a database\n');
    const result = sandbox.run(['--db', file, 'next']);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('files that are not a rehab log are refused and left byte-identical', () => {
  it('a text file', () => {
    const file = path.join(sandbox.dir, 'notes.txt');
    writeFileSync(file, 'my training notes\n');
    const before = sha256(file);
    const result = sandbox.run(['--db', file, 'log', 'squat', '25kg']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a rehab database/);
    expect(sha256(file)).toBe(before);
  });

  it('a SQLite file of another program', () => {
    const file = path.join(sandbox.dir, 'other.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('one')");
    other.close();
    const before = sha256(file);
    const result = sandbox.run(['--db', file, 'next']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a rehab log/);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('help', () => {
  it('lists the commands, with examples, on stdout', () => {
    const result = sandbox.run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('log');
    expect(result.stdout).toContain('Examples:');
    expect(sandbox.run(['log', '--help']).stdout).toContain('rehab log squat 25kg 3x10');
  });

  it('prints the version', () => {
    expect(sandbox.run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
