// Reading comfort through the built binary: colour that means something and none where it should
// not be, --format json on every reporting command, --units on every command that shows a load,
// dates relative where that reads better, and text fitted to a terminal but never cut in a pipe.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';
import { startRehab } from './tmux.js';

let sandbox: Sandbox;
const ESCAPE = '\u001b[';
const LONG_NOTE = 'felt strong today, the left knee a little stiff at the bottom of each rep, keep an eye on it next week';

beforeAll(() => {
  sandbox = makeSandbox();
  const log = (...args: string[]) => expect(sandbox.run(['log', ...args]).code).toBe(0);
  log('squat', 'bw', '3x12', '--date', '2026-03-02');
  log('squat', '10kg', '3x12', '--date', '2026-03-05');
  log('squat', '20kg', '3x12', '--date', '2026-03-09');
  log('rdl', '55lb', '3x10', '--date', '2026-03-09');
  // The squat progresses (every set at the top of the range), the bridge holds.
  log('squat', '22kg', '3x12', '--date', '-3d');
  log('bridge', 'bw', '3x10', '--date', 'yesterday', '--note', LONG_NOTE);
  expect(sandbox.run(['bodyweight', '80kg', '--date', '2026-03-01']).code).toBe(0);
}, 120_000);
afterAll(() => sandbox.cleanup());

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = sandbox.run(args, { env });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

describe('colour means something, and is there only for a person to read', () => {
  const commands: string[][] = [['next'], ['history'], ['milestones'], ['progress', 'squat'], ['exercise', 'list'], ['plan', 'show']];

  it.each(commands)('rehab %s: colour with FORCE_COLOR=1, none with NO_COLOR=1, none in a pipe, none with --no-color', (...args) => {
    expect(run(args, { FORCE_COLOR: '1' }).stdout).toContain(ESCAPE);
    expect(run(args, { NO_COLOR: '1' }).stdout).not.toContain(ESCAPE);
    expect(run(args).stdout).not.toContain(ESCAPE);
    expect(run(['--no-color', ...args], { FORCE_COLOR: '1' }).stdout).not.toContain(ESCAPE);
    expect(run(args, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain(ESCAPE);
  });

  it('the same words with and without colour', () => {
    const plain = run(['next']).stdout;
    const coloured = run(['next'], { FORCE_COLOR: '1' }).stdout;
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('progress is green, hold yellow (the actions of rehab next; deload and regress are red)', () => {
    const coloured = run(['next', 'squat', 'bridge'], { FORCE_COLOR: '1' }).stdout;
    expect(coloured).toMatch(/\u001b\[32mprogress/);
    expect(coloured).toMatch(/\u001b\[33mhold/);
  });

  it('a chart that went up is drawn green', () => {
    expect(run(['progress', 'squat'], { FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[32m.*╭/);
  });
});

describe('--format json on every command that reports, parsed back, with its documented keys', () => {
  const exported = () => {
    const file = path.join(sandbox.dir, 'export.json');
    writeFileSync(file, run(['export', '--format', 'json']).stdout);
    return file;
  };
  const cases: Array<[string, () => string[], 'object' | 'array' | 'lines', string[]]> = [
    ['next', () => ['next', '--format', 'json'], 'object', ['date', 'prescriptions', 'milestones']],
    ['history', () => ['history', '--format', 'json'], 'array', ['date', 'exercise', 'sets']],
    ['milestones', () => ['milestones', '--format', 'json'], 'object', ['date', 'milestones']],
    ['exercise list', () => ['exercise', 'list', '--format', 'json'], 'array', ['id', 'name', 'aliases', 'archived', 'settings']],
    ['plan show', () => ['plan', 'show', '--format', 'json'], 'object', ['$schema', 'version', 'units', 'exercises']],
    ['plan export', () => ['plan', 'export'], 'object', ['$schema', 'version', 'units', 'exercises']],
    ['progress', () => ['progress', 'squat', '--format', 'json'], 'object', ['exercise', 'metric', 'unit', 'points', 'start', 'now', 'best', 'milestones']],
    ['export (json)', () => ['export', '--format', 'json'], 'array', ['id', 'date', 'exercise', 'session', 'set', 'reps', 'seconds', 'load', 'unit', 'load_type', 'load_kg', 'rpe', 'pain', 'note', 'source']],
    ['export (jsonl)', () => ['export', '--format', 'jsonl'], 'lines', ['id', 'date', 'exercise', 'load', 'unit', 'load_kg']],
    [
      'import',
      () => ['import', exported(), '--dry-run', '--format', 'json'],
      'object',
      ['file', 'format', 'dryRun', 'rows', 'sets', 'added', 'alreadyInLog', 'sessions', 'skipped', 'invalid', 'unit', 'exercises'],
    ],
  ];

  it.each(cases)('rehab %s', (_name, args, shape, keys) => {
    const { stdout } = run(args());
    const parsed: unknown[] = shape === 'lines' ? stdout.trimEnd().split('\n').map((line) => JSON.parse(line)) : [JSON.parse(stdout)];
    const objects = shape === 'object' ? parsed : shape === 'array' ? (parsed[0] as unknown[]) : parsed;
    if (shape === 'array') expect(Array.isArray(parsed[0])).toBe(true);
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      expect(typeof object).toBe('object');
      for (const key of keys) expect(object).toHaveProperty([key]);
    }
  });
});

describe('--units converts what is shown, never what is stored', () => {
  it.each<[string, string[], RegExp, RegExp]>([
    ['next', ['next', 'rdl', '--date', '2026-03-12'], /Romanian deadlift +24\.948 kg/, /55 lb/],
    ['next --format json', ['next', 'rdl', '--date', '2026-03-12', '--format', 'json'], /"loadText": "24\.948 kg"/, /"loadText": "55 lb"/],
    ['history', ['history', 'squat'], /Goblet squat {2}48\.502 lb 3×12/, /Goblet squat {2}22 kg 3×12/],
    ['history --format json', ['history', 'squat', '--format', 'json'], /"loadText": "48\.502 lb"/, /"loadText": "22 kg"/],
    ['exercise list (the start load)', ['exercise', 'list'], /start 17\.637 lb/, /start 8 kg/],
    ['progress', ['progress', 'squat'], /0 lb → 48\.5 lb/, /0 kg → 22 kg/],
    ['milestones', ['milestones', '--date', '2026-03-20'], /Goblet squat: bodyweight × 12, 12, 12 \(Mon 2 Mar( 2026)?\) → 44\.092 lb × 12, 12, 12 .*: \+44\.1 lb/, /→ 20 kg × 12, 12, 12 .*: \+20 kg/],
  ])('%s', (_name, args, converted, asLogged) => {
    const unit = converted.source.includes(' lb') ? 'lb' : 'kg';
    expect(run(['--units', unit, ...args]).stdout).toMatch(converted);
    expect(run(args).stdout).toMatch(asLogged);
  });

  it('log, edit, delete and undo show the loads in that unit, and the log keeps them as typed', () => {
    const logged = run(['--units', 'lb', 'log', 'squat', '24kg', '3x8']);
    expect(logged.stdout).toMatch(/^Logged Goblet squat 52\.911 lb 3×8 on .*\. Next: 52\.911 lb /);
    const id = /\(ids (\d+)–/.exec(logged.stdout)?.[1] as string;
    expect(run(['--units', 'lb', 'edit', id, '--scheme', '9']).stdout).toMatch(/before .* 52\.911 lb × 8\n.*after .* 52\.911 lb × 9/);
    expect(run(['--units', 'lb', 'delete', id]).stdout).toMatch(/^Deleted .*52\.911 lb × 9/);
    const undone = run(['--units', 'lb', 'undo']).stdout;
    expect(undone).toMatch(/^Undid the last log: Goblet squat 52\.911 lb 3×8 on .*; since then/);
    expect(undone).toMatch(/52\.911 lb × 8/);
    // What is stored never changed: the export has kg.
    expect(run(['export', '--exercise', 'squat']).stdout).toContain(',22,kg,');
  });
});

describe('dates relative where that reads better', () => {
  it('history day headers: "(yesterday)", "(3 days ago)"; long ago, just the date', () => {
    const { stdout } = run(['history']);
    expect(stdout).toMatch(/^\w{3} \d{1,2} \w{3}( \d{4})? \(yesterday\)\n {2}Glute bridge/m);
    expect(stdout).toMatch(/^\w{3} \d{1,2} \w{3}( \d{4})? \(3 days ago\)\n {2}Goblet squat/m);
    expect(stdout).toMatch(/^Mon 9 Mar( 2026)?\n/m);
  });

  it('rehab next: when each exercise was last done', () => {
    const { stdout } = run(['next', 'squat', 'bridge']);
    expect(stdout).toMatch(/^Goblet squat .* progress {2}last session: 3 days ago$/m);
    expect(stdout).toMatch(/^Glute bridge .* hold {6}last session: yesterday$/m);
  });

  it('rehab next --date: the day asked about, relative to today', () => {
    const { stdout } = run(['next', '--date', '2999-01-01']);
    expect(stdout).toMatch(/^Next session, as of \w{3} 1 Jan 2999\n/);
  });
});

describe('fitted to a terminal, never cut in a pipe', () => {
  it('in a pipe a long note stays on one line, whole', () => {
    const { stdout } = run(['history', 'bridge'], { COLUMNS: '40' });
    expect(stdout).toContain(`“${LONG_NOTE}”`);
  });

  it('on a 60-column terminal, history and next wrap at its width and lose no word', { timeout: 180_000 }, async () => {
    const env = { PATH: process.env.PATH, HOME: sandbox.dir, XDG_DATA_HOME: path.join(sandbox.dir, 'data'), REHAB_DB: sandbox.db, TZ: process.env.TZ };
    for (const args of [['history', 'bridge'], ['next', 'bridge']]) {
      const terminal = startRehab(args, { dir: sandbox.dir, env, width: 60, height: 40 });
      try {
        const { code, screen } = await terminal.waitForExit();
        expect(code).toBe(0);
        const lines = screen.split('\n').map((line) => line.trimEnd());
        // Every line ends before the edge, so none was wrapped by the terminal mid-word.
        for (const line of lines) expect([...line].length, line).toBeLessThan(60);
        const words = lines.join(' ').replace(/\s+/g, ' ');
        if (args[0] === 'history') expect(words).toContain(`“${LONG_NOTE}”`);
        else expect(words).toContain('No next-morning pain check-in after the last session');
      } finally {
        terminal.kill();
      }
    }
  });
});
