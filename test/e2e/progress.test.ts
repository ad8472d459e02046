// `rehab progress` through the built binary, after a scenario of nine weeks: a goblet squat from
// bodyweight to 30 kg (the seed's suitcase band), a Romanian deadlift from 16 to 24 kg.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';
import { startRehab } from './tmux.js';
import path from 'node:path';

let sandbox: Sandbox;

/** Twice a week from Monday 2 March 2026: Mondays and Thursdays. */
function sessionDay(index: number): string {
  const day = 2 + Math.floor(index / 2) * 7 + (index % 2) * 3;
  return new Date(Date.UTC(2026, 2, day)).toISOString().slice(0, 10);
}

const SQUAT_LOADS = ['bw', 'bw', '4kg', '6kg', '8kg', '10kg', '12kg', '14kg', '16kg', '18kg', '20kg', '20kg', '22kg', '24kg', '26kg', '28kg', '30kg', '32kg'];
const RDL_LOADS = ['16kg', '16kg', '16kg', '20kg', '20kg', '20kg', '24kg', '24kg', '24kg'];

beforeAll(() => {
  sandbox = makeSandbox();
  SQUAT_LOADS.forEach((load, index) => {
    const result = sandbox.run(['log', 'squat', load, '3x10', '--date', sessionDay(index)]);
    expect(result.code, result.stderr).toBe(0);
  });
  RDL_LOADS.forEach((load, index) => {
    expect(sandbox.run(['log', 'rdl', load, '3x8', '--date', sessionDay(index * 2)]).code).toBe(0);
  });
  expect(sandbox.run(['bodyweight', '80kg', '--date', '2026-03-01']).code).toBe(0);
}, 120_000);
afterAll(() => sandbox.cleanup());

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = sandbox.run(args, { env });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

const D = '( 2026)?';

describe('rehab progress <exercise>', () => {
  it('charts the heaviest load per session, with start → now, the best set and the milestones on the time line', () => {
    const { stdout, stderr } = run(['progress', 'squat']);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Goblet squat: heaviest load per session, in kg');
    // The chart: 11 rows from 0 to 32 kg, top to bottom.
    const rows = lines.filter((line) => /[┤┼]/.test(line));
    expect(rows).toHaveLength(11);
    expect(rows[0]).toMatch(/^32 kg ┤ +╭─+$/);
    expect(rows.at(-1)).toMatch(/^ 0 kg ┼─+╯ *$/);
    expect(stdout).toMatch(new RegExp(`^ +Mon 2 Mar${D} +Thu 30 Apr${D}$`, 'm'));
    expect(stdout).toContain('0 kg → 32 kg (+32 kg) in 8 weeks, 18 sessions.');
    expect(stdout).toMatch(new RegExp(`^Best set: 32 kg × 10 on Thu 30 Apr${D}\\.$`, 'm'));
    expect(stdout).toContain('Bodyweight sets count the load added');
    // The suitcase band reached on the way, and the reviews due, each with its mark under the chart.
    expect(stdout).toMatch(new RegExp(`^ {2}(\\d) {2}Mon 6 Apr${D} {2}Goblet squat: 20 kg of external load, the suitcase band$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^ {2}(\\d) {2}Mon 27 Apr${D} {2}Goblet squat: 30 kg of external load, the suitcase band$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^ {2}1 {2}Mon 16 Mar${D} {2}2-week review \\(short term\\)$`, 'm'));
    const markers = lines.find((line) => /^ +1 .*2/.test(line) && !/[┤┼]/.test(line));
    expect(markers, stdout).toBeDefined();
  });

  it('fits the chart to $COLUMNS in a pipe (80 without it), and never cuts the lines under it', () => {
    for (const [columns, width] of [[undefined, 80], ['60', 60], ['120', 120]] as const) {
      const { stdout } = run(['progress', 'squat'], columns === undefined ? {} : { COLUMNS: columns });
      const rows = stdout.split('\n').filter((line) => /[┤┼]/.test(line));
      for (const row of rows) expect([...row].length, row).toBeLessThan(width);
      expect(Math.max(...rows.map((row) => [...row].length))).toBeGreaterThan(width - 6);
    }
    const narrow = run(['progress', 'squat'], { COLUMNS: '40' }).stdout;
    expect(narrow).toContain('Goblet squat: 30 kg of external load, the suitcase band');
  });

  it('--metric e1rm: the best estimated 1RM (Epley) per session, and the best set with its estimate', () => {
    const { stdout } = run(['progress', 'rdl', '--metric', 'e1rm']);
    expect(stdout).toContain('Romanian deadlift: best estimated 1RM (Epley) per session, in kg');
    expect(stdout).toContain('20.27 kg → 30.4 kg (+10.13 kg, +50 %) in 8 weeks, 9 sessions.');
    expect(stdout).toMatch(new RegExp(`Best set: 24 kg × 8 on Mon 13 Apr${D}: estimated 1RM 30.4 kg\\.`));
    expect(stdout).toMatch(/Romanian deadlift: estimated 1RM up 50 %/);
  });

  it('--metric volume: load × reps per session, bodyweight sets counting the load added (the squat went from bw to a dumbbell)', () => {
    const { stdout } = run(['progress', 'squat', '--metric', 'volume']);
    expect(stdout).toContain('Goblet squat: volume (load × reps) per session, in kg');
    expect(stdout).toContain('0 kg → 960 kg (+960 kg) in 8 weeks, 18 sessions.');
    expect(stdout).toMatch(new RegExp(`Best session: 960 kg on Thu 30 Apr${D}\\.`));
    expect(stdout).toContain('Bodyweight sets count only the load added (plain bodyweight as 0), as the sets with a weight count only the weight.');
  });

  it('--since: only the sessions from that day', () => {
    const { stdout } = run(['progress', 'squat', '--since', '2026-04-06']);
    expect(stdout).toContain('20 kg → 32 kg (+12 kg, +60 %) in 3 weeks, 8 sessions.');
  });

  it('--units lb: what is shown, never what is stored', () => {
    const { stdout } = run(['--units', 'lb', 'progress', 'squat']);
    expect(stdout).toContain('Goblet squat: heaviest load per session, in lb');
    expect(stdout).toContain('0 lb → 70.55 lb (+70.55 lb) in 8 weeks, 18 sessions.');
    expect(stdout).toContain('Best set: 70.548 lb × 10');
    expect(run(['progress', 'squat']).stdout).toContain('0 kg → 32 kg');
  });

  it('--format json: the series with start, now, best and the milestones', () => {
    const report = JSON.parse(run(['progress', 'squat', '--format', 'json']).stdout);
    expect(Object.keys(report)).toEqual(['exercise', 'metric', 'unit', 'bucket', 'since', 'until', 'sessions', 'points', 'start', 'now', 'change', 'best', 'milestones']);
    expect(report).toMatchObject({ exercise: 'Goblet squat', metric: 'load', unit: 'kg', bucket: 'session', sessions: 18 });
    expect(report.points).toHaveLength(18);
    expect(report.points[2]).toEqual({ date: '2026-03-09', value: 4 });
    expect(report.start).toEqual({ date: '2026-03-02', value: 0 });
    expect(report.now).toEqual({ date: '2026-04-30', value: 32 });
    expect(report.change).toEqual({ value: 32, percent: null, days: 59 });
    expect(report.best).toEqual({ date: '2026-04-30', value: 32, set: { load: 32, unit: 'kg', bodyweight: false, loadText: '32 kg', reps: 10, seconds: null } });
    expect(report.milestones.map((m: { id: string; date: string }) => `${m.date} ${m.id}`)).toEqual([
      '2026-03-16 review-2w',
      '2026-04-06 suitcase-20kg:goblet-squat',
      '2026-04-13 review-6w',
      '2026-04-16 bw-0.3x:goblet-squat',
      '2026-04-27 suitcase-30kg:goblet-squat',
    ]);
  });

  it('an exercise with no sessions says so and how to log one', () => {
    const { stdout } = run(['progress', 'bird', 'dog']);
    expect(stdout).toContain('No sessions of Bird dog. Record one with `rehab log bird dog …`.');
  });
});

describe('rehab progress: mistakes are usage errors (exit 2, one line)', () => {
  it.each([
    ['an unknown exercise, with the closest names', ['progress', 'sqaut'], 'rehab: No exercise is called "sqaut". Did you mean Goblet squat? Run `rehab exercise list` to see the exercises.\n'],
    ['no exercise (stdin is not a terminal)', ['progress'], 'rehab: Missing the exercise. Name it, as in `rehab progress squat`. On a terminal, `rehab progress` alone asks which.\n'],
    ['an empty exercise name', ['progress', ''], 'rehab: Missing the exercise. Name it, as in `rehab progress squat`. On a terminal, `rehab progress` alone asks which.\n'],
    ['an unknown metric', ['progress', 'squat', '--metric', 'reps'], "rehab: option '--metric <metric>' argument 'reps' is invalid. Allowed choices are load, e1rm, volume.\n"],
    ['--since in the future', ['progress', 'squat', '--since', '2999-01-01'], 'rehab: --since 2999-01-01 is after today, so there is nothing to chart. Give a day in the past, as in --since -12w.\n'],
  ])('%s', (_name, args, message) => {
    const result = sandbox.run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(result.stdout).toBe('');
  });
});

describe('rehab progress on a terminal', { timeout: 180_000 }, () => {
  it('draws the chart to the terminal’s width', async () => {
    const terminal = startRehab(['progress', 'squat'], {
      dir: sandbox.dir,
      env: { PATH: process.env.PATH, HOME: sandbox.dir, XDG_DATA_HOME: path.join(sandbox.dir, 'data'), REHAB_DB: sandbox.db, TZ: process.env.TZ },
      width: 64,
      height: 40,
    });
    try {
      const { code, screen } = await terminal.waitForExit();
      expect(code).toBe(0);
      const rows = screen.split('\n').filter((line) => /[┤┼]/.test(line));
      expect(rows).toHaveLength(11);
      for (const row of rows) expect([...row.trimEnd()].length).toBeLessThan(64);
      expect(Math.max(...rows.map((row) => [...row.trimEnd()].length))).toBeGreaterThan(56);
    } finally {
      terminal.kill();
    }
  });
});
