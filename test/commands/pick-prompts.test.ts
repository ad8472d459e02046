// `rehab progress`, `rehab delete` and `rehab edit` left without what they act on, through their
// handlers on a real log, answered on @inquirer/testing's virtual terminal: progress picks an
// exercise from a list searched by typing; delete and edit a set from the latest ones, and delete
// then asks to be sure, "no" by default.
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { completionCommand } from '../../src/commands/completion.js';
import type { CompletionCommand } from '../../src/io/completion-scripts.js';
import { deleteCommand } from '../../src/commands/delete.js';
import { editCommand } from '../../src/commands/edit.js';
import { logCommand } from '../../src/commands/log.js';
import { progressCommand } from '../../src/commands/progress.js';
import { context, everything, existingLog, recordingPrompter, rows } from './terminal-context.js';

/** A log with three sessions: squat on the 20th and the 22nd, bridge on the 22nd. */
async function setUp() {
  const run = await existingLog();
  const quiet = context({ tty: false, dbPath: run.dbPath });
  await logCommand(['squat', '20kg', '3x8'], { date: '2026-11-20' }, quiet);
  await logCommand(['squat', '22.5kg', '8,8,6'], { date: '2026-11-22' }, quiet);
  await logCommand(['bridge', 'bw', '2x12'], { date: '2026-11-22' }, quiet);
  return run;
}

describe('rehab progress with no exercise, on a terminal', () => {
  it('lists the exercises, narrows them as one types, and charts the one picked', async () => {
    const run = await setUp();
    const output = progressCommand([], { metric: 'load', format: 'json' }, run, recordingPrompter().prompter);
    await screen.next();
    expect(screen.getScreen()).toContain('Exercise to chart (type to search)');
    expect(screen.getScreen()).toContain('Goblet squat');
    expect(screen.getScreen()).toContain('Bird dog');
    screen.type('squat');
    await screen.next();
    expect(screen.getScreen()).not.toContain('Bird dog');
    screen.keypress('enter');
    const { stdout } = await output;
    const report = JSON.parse(stdout as string);
    expect(report.exercise).toBe('Goblet squat');
    expect(report.points.map((point: { date: string }) => point.date)).toStrictEqual(['2026-11-20', '2026-11-22']);
  });
});

describe('rehab delete with no id, on a terminal', () => {
  it('offers the latest sets, newest first, and deletes the one picked once confirmed', async () => {
    const run = await setUp();
    const output = deleteCommand(undefined, run, recordingPrompter().prompter);
    await screen.next();
    const lines = screen.getScreen().split('\n');
    expect(lines[0]).toBe('? Set to delete (the latest first)');
    expect(lines[1]).toBe('❯ 8  Sun 22 Nov  Glute bridge  set 2  bodyweight × 12');
    expect(lines[2]).toBe('  7  Sun 22 Nov  Glute bridge  set 1  bodyweight × 12');
    expect(lines[3]).toBe('  6  Sun 22 Nov  Goblet squat  set 3  22.5 kg × 6');
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toBe('? Delete 6  Sun 22 Nov  Goblet squat  set 3  22.5 kg × 6? It cannot be undone. (y/N)');
    screen.type('y');
    screen.keypress('enter');
    const { stdout } = await output;
    expect(stdout).toMatch(/^Deleted Sun 22 Nov {2}Goblet squat {2}set 3 {2}22\.5 kg × 6 {2}\(id 6, uid /);
    expect(rows<{ id: number }>(run.dbPath, 'SELECT id FROM sets ORDER BY id').map((row) => row.id)).toStrictEqual([1, 2, 3, 4, 5, 7, 8]);
  });

  it('deletes nothing when the answer to "Delete …?" is the default, no', async () => {
    const run = await setUp();
    const before = everything(run.dbPath);
    const output = deleteCommand(undefined, run, recordingPrompter().prompter);
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    expect(await output).toStrictEqual({ stderr: 'Nothing was deleted.' });
    expect(everything(run.dbPath)).toStrictEqual(before);
  });

  it('writes nothing when cancelled with Ctrl-C', async () => {
    const run = await setUp();
    const before = everything(run.dbPath);
    const output = deleteCommand(undefined, run, recordingPrompter().prompter);
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    await expect(output).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(everything(run.dbPath)).toStrictEqual(before);
  });

  it('on a log with no sets says there is none to delete', async () => {
    const run = await existingLog();
    await expect(deleteCommand(undefined, run, recordingPrompter().prompter)).rejects.toMatchObject({ message: 'The log has no sets yet.', exitCode: 2 });
  });
});

describe('rehab edit with no id, on a terminal', () => {
  it('offers the latest sets and corrects the one picked', async () => {
    const run = await setUp();
    const output = editCommand(undefined, { scheme: '7' }, run, recordingPrompter().prompter);
    await screen.next();
    expect(screen.getScreen().split('\n')[0]).toBe('? Set to edit (the latest first)');
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');
    const { stdout } = await output;
    expect(stdout).toContain('22.5 kg × 6');
    expect(stdout).toContain('22.5 kg × 7');
    expect(rows<{ reps: number }>(run.dbPath, 'SELECT reps FROM sets WHERE id = 6')).toStrictEqual([{ reps: 7 }]);
  });

  it('without a terminal is a usage error that says what is missing, and nothing changes', async () => {
    const run = await setUp();
    const before = everything(run.dbPath);
    const quiet = context({ tty: false, dbPath: run.dbPath });
    await expect(editCommand(undefined, { scheme: '7' }, quiet, recordingPrompter().prompter)).rejects.toMatchObject({ message: 'Missing the id of the set to edit.', exitCode: 2 });
    expect(everything(run.dbPath)).toStrictEqual(before);
  });
});

describe('rehab completion with no shell', () => {
  const tree: CompletionCommand = { path: [], summary: 'rehab', subcommands: [], options: [], positionals: [], repeatLast: false };

  it('on a terminal asks which shell and prints that shell’s script', async () => {
    const output = completionCommand(undefined, tree, { stdinIsTTY: true }, recordingPrompter().prompter);
    await screen.next();
    expect(screen.getScreen().split('\n')[0]).toBe('? Completion script for which shell?');
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');
    const { stdout } = await output;
    expect(stdout).toStrictEqual((await completionCommand('fish', tree, { stdinIsTTY: false })).stdout);
  });

  it('without a terminal is a usage error that says what is missing', async () => {
    await expect(completionCommand(undefined, tree, { stdinIsTTY: false })).rejects.toMatchObject({ message: 'Missing the shell.', exitCode: 2 });
  });
});
