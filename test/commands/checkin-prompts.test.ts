// `rehab pain` and `rehab bodyweight` left without their number, through their handlers on a real
// log: on a terminal they ask (answers checked by the same parsers as the typed command), and
// without one they refuse with a usage error; a cancel writes nothing.
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { bodyweightCommand } from '../../src/commands/bodyweight.js';
import { painCommand } from '../../src/commands/pain.js';
import { RehabError } from '../../src/errors.js';
import { context, everything, existingLog, recordingPrompter, rows } from './terminal-context.js';

const CHECKINS = 'SELECT date, pain, note FROM pain_checkins ORDER BY id';
const BODYWEIGHTS = 'SELECT date, value, unit FROM bodyweights ORDER BY id';

describe('rehab pain with no number', () => {
  it('on a terminal asks for it, re-asks after an answer out of range, and records the check-in', async () => {
    const run = await existingLog();
    const output = painCommand(undefined, { note: 'stiff' }, run, recordingPrompter().prompter);
    await screen.next();
    expect(screen.getScreen()).toBe('? Pain this morning, 0 (none) to 10 (worst imaginable)');
    screen.type('11');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Pain "11" is not between 0 and 10.');
    for (let i = 0; i < 2; i++) screen.keypress('backspace');
    screen.type('3/10');
    screen.keypress('enter');
    const { stdout } = await output;
    expect(stdout).toBe('Checked in pain 3/10 on Tue 24 Nov (“stiff”).');
    expect(rows(run.dbPath, CHECKINS)).toStrictEqual([{ date: '2026-11-24', pain: 3, note: 'stiff' }]);
  });

  it('writes nothing when the question is cancelled with Ctrl-C', async () => {
    const run = await existingLog();
    const before = rows(run.dbPath, CHECKINS);
    const output = painCommand(undefined, {}, run, recordingPrompter().prompter);
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    await expect(output).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(rows(run.dbPath, CHECKINS)).toStrictEqual(before);
  });

  it('without a terminal is a usage error that says what is missing, and nothing is opened or written', async () => {
    const run = context({ tty: false });
    const output = painCommand(undefined, {}, run, recordingPrompter().prompter);
    await expect(output).rejects.toThrow(RehabError);
    await expect(output).rejects.toMatchObject({ message: 'Missing the pain, 0 to 10.', exitCode: 2 });
  });
});

describe('rehab bodyweight with no weight', () => {
  it('on a terminal asks for it in the log’s units, re-asks after a bw load, and records the weight as entered', async () => {
    const run = await existingLog();
    const output = bodyweightCommand([], { date: '2026-11-23' }, run, recordingPrompter().prompter);
    await screen.next();
    expect(screen.getScreen()).toBe('? Body weight (82.5kg, 180lb, or a number in kg)');
    screen.type('bw');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('"bw" is a load relative to body weight, not a body weight.');
    for (let i = 0; i < 2; i++) screen.keypress('backspace');
    screen.type('180lb');
    screen.keypress('enter');
    const { stdout } = await output;
    expect(stdout).toBe('Body weight 180 lb on Mon 23 Nov.');
    expect(rows(run.dbPath, BODYWEIGHTS)).toStrictEqual([{ date: '2026-11-23', value: 180, unit: 'lb' }]);
  });

  it('on a new log says the set-up notice before the question, and not again in the output', async () => {
    const run = context({ tty: true });
    const { prompter, said } = recordingPrompter();
    const output = bodyweightCommand([], {}, run, prompter);
    await screen.next();
    expect(said()).toContain('not medical advice');
    screen.type('82.5');
    screen.keypress('enter');
    const { stdout, stderr } = await output;
    expect(stdout).toBe('Body weight 82.5 kg on Tue 24 Nov.');
    expect(stderr).not.toContain('not medical advice');
  });

  it('writes nothing when the question is cancelled with Ctrl-C', async () => {
    const run = await existingLog();
    const before = everything(run.dbPath);
    const output = bodyweightCommand([], {}, run, recordingPrompter().prompter);
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    await expect(output).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(everything(run.dbPath)).toStrictEqual(before);
  });

  it('without a terminal is a usage error that says what is missing', async () => {
    const output = bodyweightCommand([], {}, context({ tty: false }), recordingPrompter().prompter);
    await expect(output).rejects.toMatchObject({ message: 'Missing the body weight.', exitCode: 2 });
  });
});
