// `rehab log` through its handler on a real log, its questions answered on @inquirer/testing's
// virtual terminal: what is asked, what is written, and that a cancel or a "no" writes nothing.
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { logCommand } from '../../src/commands/log.js';
import { RehabError } from '../../src/errors.js';
import { context, everything, existingLog, recordingPrompter, rows } from './terminal-context.js';

interface SetRow {
  name: string;
  reps: number;
  load_kind: string;
  load_value: number;
  load_unit: string;
  pain: number | null;
  rpe: number | null;
}

const SETS = `SELECT e.name, s.reps, s.load_kind, s.load_value, s.load_unit, s.pain, s.rpe FROM sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.id`;

describe('rehab log with no words, on a terminal', () => {
  it('asks, then logs the answers and prints the usual line', async () => {
    const run = await existingLog();
    const { prompter } = recordingPrompter();
    const output = logCommand([], { rpe: 7 }, run, prompter);
    await screen.next();
    screen.type('rdl');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.type('12kg');
    screen.keypress('enter');
    await screen.next();
    screen.type('3x10');
    screen.keypress('enter');
    await screen.next();
    screen.type('2');
    screen.keypress('enter');
    const { stdout, stderr } = await output;
    expect(stdout).toBe('Logged Romanian deadlift 12 kg 3×10 @7 on Tue 24 Nov (ids 1–3). Next: 12 kg 3×11 (range 8–15), hold.');
    expect(stderr).toBe('');
    expect(rows<SetRow>(run.dbPath, SETS)).toStrictEqual(
      Array.from({ length: 3 }, () => ({ name: 'Romanian deadlift', reps: 10, load_kind: 'external', load_value: 12, load_unit: 'kg', pain: 2, rpe: 7 })),
    );
  });

  it('does not ask for the pain when --pain was given, and logs the given pain', async () => {
    const run = await existingLog();
    const output = logCommand([], { pain: 4 }, run, recordingPrompter().prompter);
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    const { stdout } = await output;
    expect(stdout).toMatch(/^Logged Goblet squat bodyweight 3×8 on Tue 24 Nov/);
    expect(rows<SetRow>(run.dbPath, SETS).map((set) => set.pain)).toStrictEqual([4, 4, 4]);
  });

  it('on a new log says the set-up notice before the first question, once, and not again in the output', async () => {
    const run = context({ tty: true });
    const { prompter, said } = recordingPrompter();
    const output = logCommand([], {}, run, prompter);
    await screen.next();
    expect(said()).toContain('Started a new log at');
    expect(said()).toContain('not medical advice');
    for (let i = 0; i < 4; i++) {
      screen.keypress('enter');
      if (i < 3) await screen.next();
    }
    const { stderr } = await output;
    expect(stderr).not.toContain('not medical advice');
  });

  it('writes nothing when cancelled with Ctrl-C at the last question', async () => {
    const run = await existingLog();
    const before = everything(run.dbPath);
    const output = logCommand([], {}, run, recordingPrompter().prompter);
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    await expect(output).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(everything(run.dbPath)).toStrictEqual(before);
  });

  it('creates a new exercise picked from the list by a name the log lacks', async () => {
    const run = await existingLog();
    const output = logCommand([], {}, run, recordingPrompter().prompter);
    await screen.next();
    screen.type('step up');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.type('10kg');
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    const { stdout, stderr } = await output;
    expect(stdout).toMatch(/^Logged Step up 10 kg 3×8 on Tue 24 Nov/);
    expect(stderr).toBe('Created the exercise Step up (barbell); change its settings with `rehab exercise set`.');
  });
});

describe('rehab log with an unknown exercise, on a terminal', () => {
  it('asks whether to create it, and on yes creates and logs it', async () => {
    const run = await existingLog();
    const output = logCommand(['hip', 'thrust', '40kg', '3x10'], {}, run, recordingPrompter().prompter);
    await screen.next();
    expect(screen.getScreen()).toBe('? No exercise is called "hip thrust". Create it as a new exercise? (y/N)');
    screen.type('y');
    screen.keypress('enter');
    const { stdout } = await output;
    expect(stdout).toMatch(/^Logged Hip thrust 40 kg 3×10 on Tue 24 Nov/);
  });

  it('on no (the default) refuses as without a terminal, suggesting names, and writes nothing', async () => {
    const run = await existingLog();
    const before = everything(run.dbPath);
    const output = logCommand(['sqat', '20kg'], {}, run, recordingPrompter().prompter);
    await screen.next();
    expect(screen.getScreen()).toBe('? No exercise is called "sqat" (did you mean Goblet squat?). Create it as a new exercise? (y/N)');
    screen.keypress('enter');
    await expect(output).rejects.toThrow(RehabError);
    await expect(output).rejects.toMatchObject({ message: 'No exercise is called "sqat".', hint: 'Did you mean Goblet squat? Add it as a new exercise with --new.' });
    expect(everything(run.dbPath)).toStrictEqual(before);
  });

  it('does not ask with --new', async () => {
    const run = await existingLog();
    const { stdout } = await logCommand(['hip', 'thrust', '40kg', '3x10'], { new: true }, run, recordingPrompter().prompter);
    expect(stdout).toMatch(/^Logged Hip thrust 40 kg/);
  });
});

describe('without a terminal nothing is ever asked', () => {
  it.each<[string, string[], RegExp]>([
    ['no words: the exercise is missing', [], /^Missing the exercise to log\. Write it like `rehab log squat 25kg 3x8`\. On a terminal, `rehab log` alone asks for each part\.$/],
    ['an unknown name: the usage error that suggests --new', ['sqat', '20kg'], /^No exercise is called "sqat"\. Did you mean Goblet squat\? Add it as a new exercise with --new\.$/],
  ])('%s', async (_case, words, message) => {
    const run = { ...(await existingLog()), stdinIsTTY: false };
    const before = everything(run.dbPath);
    const error = await logCommand(words, {}, run, recordingPrompter().prompter).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RehabError);
    expect(`${(error as RehabError).message} ${(error as RehabError).hint}`).toMatch(message);
    expect((error as RehabError).exitCode).toBe(2);
    expect(everything(run.dbPath)).toStrictEqual(before);
  });
});
