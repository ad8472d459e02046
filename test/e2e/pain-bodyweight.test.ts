// `rehab pain` and `rehab bodyweight` through the built binary: what they print, what they change
// in `rehab next` and `rehab history`, and every error they can give (with nothing written).
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

function rows(db: string, table: string): number {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    handle.close();
  }
}

function run(...args: string[]) {
  const result = sandbox.run(args);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

const squatNext = (date: string) => JSON.parse(run('next', 'squat', '--date', date, '--format', 'json').stdout).prescriptions[0];

describe('rehab pain', () => {
  it('records a check-in and restates it in one line', () => {
    run('next'); // the first run's set-up notices, out of the way
    const result = run('pain', '3', '--date', '2026-03-03', '--note', 'stiff after squats');
    expect(result.stdout).toMatch(/^Checked in pain 3\/10 on Tue 3 Mar( 2026)? \(“stiff after squats”\)\.\n$/);
    expect(result.stderr).toBe('');
    expect(rows(sandbox.db, 'pain_checkins')).toBe(1);
  });

  it('accepts 3/10 as people write it', () => {
    expect(run('pain', '4/10', '--date', '2026-03-03').stdout).toMatch(/^Checked in pain 4\/10 on /);
  });

  it('a next-morning check-in above 5/10 holds the next session, and the reasons say why (Silbernagel 2007)', () => {
    run('log', 'squat', '20kg', '3x12', '--date', '2026-03-02');
    expect(squatNext('2026-03-04')).toMatchObject({ action: 'progress', load: 22 });

    const checkin = run('pain', '6', '--date', '2026-03-03');
    expect(checkin.stderr).toContain('Above 5/10 the morning after a session, rehab holds');
    const next = squatNext('2026-03-04');
    expect(next).toMatchObject({ action: 'hold', load: 20 });
    expect(next.reasons.join(' ')).toContain('Next-morning pain was 6/10 after the last session (above 5/10)');
  });

  it('every exercise held for the same painful morning: `next` explains the pain-monitoring model once and names it after that; JSON keeps it whole', () => {
    run('log', 'squat', '20kg', '3x12', '--date', '2026-03-02');
    run('log', 'bridge', '20kg', '3x15', '--date', '2026-03-02');
    run('log', 'rdl', '20kg', '3x15', '--date', '2026-03-02');
    run('pain', '6', '--date', '2026-03-03');

    const text = run('next', 'squat', 'bridge', 'rdl', '--date', '2026-03-04').stdout.split('\n');
    const model = 'Pain-monitoring model (Silbernagel 2007, from Thomeé 1997)';
    const explained = text.filter((line) => line.startsWith(`    ${model}: pain during exercise may reach 5/10`));
    const named = text.filter((line) => line === `    ${model}: as above.`);
    expect([explained.length, named.length]).toEqual([1, 2]);
    // The explanation comes with the first exercise held for it, right under its own reason.
    const squat = text.findIndex((line) => line.startsWith('Goblet squat'));
    expect(text.slice(squat + 1, squat + 3)).toEqual([expect.stringContaining('Next-morning pain was 6/10'), explained[0]]);

    const json = JSON.parse(run('next', 'squat', 'bridge', 'rdl', '--date', '2026-03-04', '--format', 'json').stdout) as { prescriptions: Array<{ action: string; reasons: string[] }> };
    expect(json.prescriptions.map((p) => p.action)).toEqual(['hold', 'hold', 'hold']);
    for (const prescription of json.prescriptions) expect(prescription.reasons).toContain(explained[0]!.trim());
  });

  it('the latest check-in of a day counts, and the second one says it replaces the first', () => {
    run('log', 'squat', '20kg', '3x12', '--date', '2026-03-02');
    run('pain', '7', '--date', '2026-03-03');
    const again = run('pain', '2', '--date', '2026-03-03');
    expect(again.stderr).toContain('It replaces the 7/10 recorded earlier that day: the latest check-in of a day counts.');
    expect(squatNext('2026-03-04')).toMatchObject({ action: 'progress', load: 22 });
    expect(rows(sandbox.db, 'pain_checkins')).toBe(2);
  });

  it('a missing check-in is noted in the reasons, not punished', () => {
    run('log', 'squat', '20kg', '3x12', '--date', '2026-03-02');
    const next = squatNext('2026-03-04');
    expect(next.action).toBe('progress');
    expect(next.reasons.join(' ')).toContain('No next-morning pain check-in after the last session');
  });

  it.each([
    ['above 10', ['pain', '11'], 'rehab: Pain "11" is not between 0 and 10. Pain is a whole number from 0 (none) to 10 (worst imaginable).\n'],
    ['not a number', ['pain', 'bad'], 'rehab: Pain "bad" is not a number. Pain is a whole number from 0 (none) to 10 (worst imaginable).\n'],
    ['a fraction', ['pain', '2.5'], 'rehab: Pain "2.5" is not a whole number. Pain is a whole number from 0 (none) to 10 (worst imaginable).\n'],
    ['a future date', ['pain', '2', '--date', '2999-01-01'], 'rehab: Date "2999-01-01" is in the future. rehab logs what you did, so use today or an earlier date.\n'],
    ['no number (stdin is not a terminal)', ['pain'], 'rehab: Missing the pain, 0 to 10. Write it like `rehab pain 3`. On a terminal, `rehab pain` alone asks for it.\n'],
  ])('refuses %s with a usage error, writing nothing', (_what, args, stderr) => {
    run('next');
    const result = sandbox.run(args);
    expect(result).toEqual({ code: 2, stdout: '', stderr });
    expect(rows(sandbox.db, 'pain_checkins')).toBe(0);
  });
});

describe('rehab bodyweight', () => {
  it('records a body weight as entered and shows it back; a later one says the change', () => {
    run('next');
    expect(run('bodyweight', '82.5kg', '--date', '2026-03-01').stdout).toMatch(/^Body weight 82\.5 kg on Sun 1 Mar( 2026)?\.\n$/);
    const second = run('bodyweight', '180', 'lb', '--date', '2026-03-08');
    expect(second.stdout).toMatch(/^Body weight 180 lb on Sun 8 Mar( 2026)?\.\n$/);
    expect(second.stderr).toMatch(/^−0\.9 kg since 82\.5 kg on Sun 1 Mar( 2026)?\.\n$/);
    expect(rows(sandbox.db, 'bodyweights')).toBe(2);
  });

  it('history shows the total of a bw load when the body weight that day is known', () => {
    run('bodyweight', '80kg', '--date', '2026-03-01');
    run('log', 'bridge', 'bw+10kg', '3x12', '--date', '2026-03-02');
    run('log', 'bridge', 'bw+10kg', '3x12', '--date', '2026-02-27');
    const history = run('history', 'bridge').stdout;
    expect(history).toContain('Glute bridge  bw + 10 kg (≈ 90 kg) 3×12');
    // Before the first weighing the total is unknown, so none is shown.
    expect(history).toMatch(/Fri 27 Feb( 2026)?\n {2}Glute bridge {2}bw \+ 10 kg 3×12/);

    const json = JSON.parse(run('history', 'bridge', '--format', 'json').stdout);
    expect(json.map((session: { sets: Array<{ total: number | null }> }) => session.sets[0]?.total)).toEqual([90, null]);
    expect(run('history', 'bridge', '--units', 'lb', '--limit', '1').stdout).toContain('bw + 22.046 lb (≈ 198.4 lb) 3×12');
  });

  it.each([
    ['bw', ['bodyweight', 'bw'], 'rehab: "bw" is a load relative to body weight, not a body weight. Give it in kg or lb, as in `rehab bodyweight 82.5kg` or `rehab bodyweight 180lb`.\n'],
    ['bw+10kg', ['bodyweight', 'bw+10kg'], 'rehab: "bw+10kg" is a load relative to body weight, not a body weight. Give it in kg or lb, as in `rehab bodyweight 82.5kg` or `rehab bodyweight 180lb`.\n'],
    ['zero', ['bodyweight', '0'], 'rehab: Body weight "0" is zero. Give it in kg or lb, as in `rehab bodyweight 82.5kg` or `rehab bodyweight 180lb`.\n'],
    ['a word', ['bodyweight', 'heavy'], 'rehab: Body weight "heavy" is not understood. Give it in kg or lb, as in `rehab bodyweight 82.5kg` or `rehab bodyweight 180lb`.\n'],
    ['a typo of a digit', ['bodyweight', '8kg'], 'rehab: Body weight "8kg" is outside 20–400 kg. Check the number and the unit.\n'],
    ['too heavy, in lb', ['bodyweight', '1800lb'], 'rehab: Body weight "1800lb" is outside 44–882 lb. Check the number and the unit.\n'],
    ['a future date', ['bodyweight', '80kg', '--date', '2999-01-01'], 'rehab: Date "2999-01-01" is in the future. rehab logs what you did, so use today or an earlier date.\n'],
    [
      'nothing (stdin is not a terminal)',
      ['bodyweight'],
      'rehab: Missing the body weight. Give it in kg or lb, as in `rehab bodyweight 82.5kg` or `rehab bodyweight 180lb`. On a terminal, `rehab bodyweight` alone asks for it.\n',
    ],
  ])('refuses %s with a usage error, writing nothing', (_what, args, stderr) => {
    run('next');
    const result = sandbox.run(args);
    expect(result).toEqual({ code: 2, stdout: '', stderr });
    expect(rows(sandbox.db, 'bodyweights')).toBe(0);
  });
});
