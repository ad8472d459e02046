// `rehab edit` given a set but no change, through its handler on a real log, answered on
// @inquirer/testing's virtual terminal: it asks which values to change, then each new value with
// the current one in the line to edit, checked as the option would be; Ctrl-C writes nothing.
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { editCommand } from '../../src/commands/edit.js';
import { logCommand } from '../../src/commands/log.js';
import { context, everything, existingLog, recordingPrompter, rows } from './terminal-context.js';

/** A log with one session of squat on the 22nd: sets 1–3, 22.5 kg × 8, 8, 6 at RPE 8. */
async function setUp() {
  const run = await existingLog();
  await logCommand(['squat', '22.5kg', '8,8,6'], { date: '2026-11-22', rpe: 8 }, context({ tty: false, dbPath: run.dbPath }));
  return run;
}

/** Picks the values at these places of the list (0 is the load) and goes on to their questions. */
async function pick(...places: number[]) {
  let at = 0;
  for (const place of places) {
    for (; at < place; at++) screen.keypress('down');
    screen.keypress('space');
  }
  screen.keypress('enter');
  await screen.next();
}

/** Empties the answer line (the current value is in it) and types `text`. */
function retype(text: string) {
  for (let i = 0; i < 40; i++) screen.keypress('backspace');
  screen.type(text);
}

describe('rehab edit with no change, on a terminal', () => {
  it('lists the values as they are, asks for each one picked, and corrects the set', async () => {
    const run = await setUp();
    const recording = recordingPrompter();
    const output = editCommand('3', {}, run, recording.prompter);
    await screen.next();
    const lines = screen.getScreen().split('\n');
    expect(lines[0]).toBe('? Change which values?');
    expect(lines.slice(1, 7).map((line) => line.replace(/^[^A-Za-z]*/, '').trimEnd())).toStrictEqual([
      'Load  22.5 kg',
      'Reps  6',
      'RPE   8',
      'Pain  none',
      'Date  Sun 22 Nov',
      'Note  none',
    ]);
    expect(recording.said()).toBe('Editing Sun 22 Nov  Goblet squat  set 3  22.5 kg × 6 @8  (id 3, uid ' + rows<{ uid: string }>(run.dbPath, 'SELECT uid FROM sets WHERE id = 3')[0]?.uid + ')\n');
    await pick(0, 1);
    expect(screen.getScreen()).toContain('Load (25kg, 55lb, bw, bw+10kg)');
    expect(screen.getScreen()).toContain('22.5 kg');
    retype('20kg');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Reps (10, or 10@8 with the RPE)');
    retype('7');
    screen.keypress('enter');
    const { stdout } = await output;
    expect(stdout).toMatch(/^Edited set 3 of Goblet squat:\n {2}before {2}Sun 22 Nov {2}22\.5 kg × 6 @8\n {2}after {3}Sun 22 Nov {2}20 kg × 7 @8\n/);
    expect(rows(run.dbPath, 'SELECT load_value, load_unit, reps, rpe FROM sets WHERE id = 3')).toStrictEqual([{ load_value: 20, load_unit: 'kg', reps: 7, rpe: 8 }]);
  });

  it('shows what is wrong with an answer under it until it is put right, as the option would say it', async () => {
    const run = await setUp();
    const output = editCommand('3', {}, run, recordingPrompter().prompter);
    await screen.next();
    await pick(2);
    expect(screen.getScreen()).toContain('RPE, 1–10 (none to clear it)');
    retype('11');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/RPE "11" .*1 to 10/);
    retype('none');
    screen.keypress('enter');
    const { stdout } = await output;
    expect(stdout).toContain('after   Sun 22 Nov  22.5 kg × 6\n');
    expect(rows(run.dbPath, 'SELECT rpe FROM sets WHERE id = 3')).toStrictEqual([{ rpe: null }]);
  });

  it('an answer left as it was changes nothing, and says so', async () => {
    const run = await setUp();
    const before = everything(run.dbPath);
    const output = editCommand('3', {}, run, recordingPrompter().prompter);
    await screen.next();
    await pick(0);
    screen.keypress('enter');
    expect((await output).stderr).toMatch(/^Set 3 already reads like that; nothing was changed/);
    expect(everything(run.dbPath)).toStrictEqual(before);
  });

  it('writes nothing when cancelled with Ctrl-C', async () => {
    const run = await setUp();
    const before = everything(run.dbPath);
    const output = editCommand('3', {}, run, recordingPrompter().prompter);
    await screen.next();
    await pick(0);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(output).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(everything(run.dbPath)).toStrictEqual(before);
  });

  it('without a terminal is a usage error that names the options, and nothing changes', async () => {
    const run = await setUp();
    const before = everything(run.dbPath);
    const quiet = context({ tty: false, dbPath: run.dbPath });
    await expect(editCommand('3', {}, quiet, recordingPrompter().prompter)).rejects.toMatchObject({
      message: 'Nothing to change was given.',
      hint: expect.stringContaining('On a terminal, `rehab edit 812` asks what to change.'),
      exitCode: 2,
    });
    expect(everything(run.dbPath)).toStrictEqual(before);
  });
});
