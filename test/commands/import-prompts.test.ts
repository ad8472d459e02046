// `rehab import` on a terminal: for each exercise name the log does not know, it asks — a new
// exercise (its own name or another), one of yours, or skip its rows — before writing anything;
// with no file named, it asks for the file first.
import { screen } from '@inquirer/testing/vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCommand, type ImportOptions } from '../../src/commands/import.js';
import { nameChoices } from '../../src/io/import-questions.js';
import { tempFolder } from '../db/fixtures.js';
import { context, everything, existingLog, recordingPrompter, rows } from './terminal-context.js';
import { askAboutUnknownNames } from '../../src/commands/import-prompt.js';
import { createNewExercises } from '../../src/commands/import-names.js';

const HEADER = 'title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe';
const row = (exercise: string, index: number, weight: number, reps: number) =>
  `"Legs","13 Mar 2026, 15:22","13 Mar 2026, 16:00","","${exercise}",,"",${index},"normal",${weight},${reps},,,`;

/** A Hevy export with two names the starter programme lacks and one it has (Plank is Side plank's alias). */
function hevyFile(): string {
  const file = path.join(tempFolder(), 'hevy.csv');
  writeFileSync(
    file,
    [
      HEADER,
      row('Hip Thrust (Barbell)', 0, 60, 10),
      row('Hip Thrust (Barbell)', 1, 60, 9),
      row('Bench Press (Barbell)', 0, 50, 8),
      row('Leg Press (Machine)', 0, 100, 12),
    ].join('\n'),
  );
  return file;
}

const OPTIONS: ImportOptions = { from: 'auto', format: 'text' };

const storedSets = (dbPath: string) =>
  rows<{ name: string; value: number; unit: string; reps: number }>(
    dbPath,
    'SELECT e.name, s.load_value AS value, s.load_unit AS unit, s.reps FROM sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.id',
  ).map((set) => `${set.name} ${set.value}${set.unit} x${set.reps}`);

describe('rehab import on a terminal', () => {
  it('asks about each unknown name in file order: into one of yours, a new one named otherwise, or skipped', async () => {
    const run = await existingLog();
    const { prompter, said } = recordingPrompter();
    const output = importCommand(hevyFile(), OPTIONS, run, askAboutUnknownNames(prompter));
    await screen.next();
    expect(said()).toContain('3 exercise names in the file are not in your log: "Hip Thrust (Barbell)", "Bench Press (Barbell)", "Leg Press (Machine)".');
    expect(screen.getScreen()).toContain('"Hip Thrust (Barbell)" (2 rows) is not in your log. Import it as');
    expect(screen.getScreen()).toContain('❯ a new exercise "Hip Thrust (Barbell)"');
    screen.type('bridge');
    await screen.next();
    expect(screen.getScreen()).toContain('❯ Glute bridge');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('"Bench Press (Barbell)" (1 row) is not in your log.');
    screen.type('skip');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toBe('? Name of the new exercise for "Leg Press (Machine)" (Leg Press (Machine))');
    screen.type('Leg press');
    screen.keypress('enter');
    const { stdout } = await output;
    expect(stdout).toContain('  Glute bridge  2 added  ← "Hip Thrust (Barbell)" (chosen)');
    expect(stdout).toContain('  Leg press     1 added  ← "Leg Press (Machine)" (new exercise)');
    expect(stdout).toContain('Skipped as you chose, 1 row: "Bench Press (Barbell)" (1 row).');
    expect(storedSets(run.dbPath)).toStrictEqual(['Glute bridge 60kg x10', 'Glute bridge 60kg x9', 'Leg press 100kg x12']);
    const legPress = JSON.parse(rows<{ settings: string }>(run.dbPath, "SELECT settings FROM exercises WHERE name = 'Leg press'")[0]!.settings);
    expect(legPress.equipment).toBe('machine');
  });

  it('remembers what was chosen, so the next import of that app does not ask again', async () => {
    const run = await existingLog();
    const file = hevyFile();
    const first = importCommand(file, OPTIONS, run, askAboutUnknownNames(recordingPrompter().prompter));
    for (let i = 0; i < 3; i++) {
      await screen.next();
      screen.keypress('enter');
    }
    await first;
    // The second run would ask if anything were unknown; nothing is, and nothing is added twice.
    const second = await importCommand(file, OPTIONS, run, askAboutUnknownNames(recordingPrompter().prompter));
    expect(second.stdout).toContain('Added nothing: all 4 sets were already in the log.');
  });

  it('writes nothing when cancelled at the second name', async () => {
    const run = await existingLog();
    const before = everything(run.dbPath);
    const output = importCommand(hevyFile(), OPTIONS, run, askAboutUnknownNames(recordingPrompter().prompter));
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    await expect(output).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(everything(run.dbPath)).toStrictEqual(before);
    expect(rows(run.dbPath, 'SELECT * FROM import_mappings')).toStrictEqual([]);
  });

  it('skipping a name reports it in JSON too', async () => {
    const run = await existingLog();
    const output = importCommand(hevyFile(), { ...OPTIONS, format: 'json' }, run, askAboutUnknownNames(recordingPrompter().prompter));
    for (const typed of ['', 'skip', 'skip']) {
      await screen.next();
      if (typed) {
        screen.type(typed);
        await screen.next();
      }
      screen.keypress('enter');
    }
    const report = JSON.parse((await output).stdout!);
    expect(report).toMatchObject({ rows: 4, sets: 2, added: 2, alreadyInLog: 0 });
    expect(report.skippedExercises).toStrictEqual([
      { name: 'Bench Press (Barbell)', rows: 1 },
      { name: 'Leg Press (Machine)', rows: 1 },
    ]);
  });
});

describe('rehab import asks only on a terminal, and not for --dry-run', () => {
  it.each<[string, boolean, Partial<ImportOptions>]>([
    ['stdin is not a terminal', false, {}],
    ['--dry-run on a terminal', true, { dryRun: true }],
  ])('%s: each unknown name becomes a new exercise, as before', async (_case, tty, options) => {
    const run = { ...(await existingLog()), stdinIsTTY: tty };
    // No prompter is given: the handler picks its resolver, and none of it may ask.
    const { stdout } = await importCommand(hevyFile(), { ...OPTIONS, ...options }, run);
    expect(stdout).toMatch(/^ {2}Hip Thrust \(Barbell\) +2 (?:added|to add) {2}\(new exercise\)$/m);
  });
});

describe('nameChoices', () => {
  const unknown = { name: 'Hip Thrust (Barbell)', rows: 2, newExercise: 'barbell, reps' };
  const exercises = [
    { id: 1, name: 'Goblet squat', aliases: ['squat'] },
    { id: 2, name: 'Glute bridge', aliases: ['bridge', 'hip bridge'] },
  ];
  it.each<[string, string, string[]]>([
    ['no term: the three ways first, then every exercise', '', ['a new exercise "Hip Thrust (Barbell)"', 'a new exercise with another name…', 'skip its 2 rows', 'Goblet squat', 'Glute bridge']],
    ['a term puts the exercises it matches (names and aliases) first', 'hip', ['Glute bridge', 'a new exercise "Hip Thrust (Barbell)"', 'a new exercise with another name…', 'skip its 2 rows']],
    ['"sk" puts skip first', 'sk', ['skip its 2 rows', 'a new exercise "Hip Thrust (Barbell)"', 'a new exercise with another name…']],
    ['"new" puts the two new ones first', 'new', ['a new exercise "Hip Thrust (Barbell)"', 'a new exercise with another name…', 'skip its 2 rows']],
    ['"rename" puts another name first', 'rename', ['a new exercise with another name…', 'a new exercise "Hip Thrust (Barbell)"', 'skip its 2 rows']],
  ])('%s', (_case, term, names) => {
    expect(nameChoices(unknown, exercises, term).map((choice) => choice.name)).toStrictEqual(names);
  });
});

describe('rehab import with no file', () => {
  it('on a terminal asks for it, re-asks for a file that is not there, then imports the one given', async () => {
    const run = await existingLog();
    const file = hevyFile();
    const missing = path.join(path.dirname(file), 'nope.csv');
    const prompter = recordingPrompter().prompter;
    // Unknown names become new exercises here: the question under test is the file's.
    const output = importCommand(undefined, OPTIONS, run, createNewExercises, prompter);
    await screen.next();
    expect(screen.getScreen()).toBe('? File to import (a rehab, Strong, Hevy or FitNotes export)');
    screen.type(missing);
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain(`There is no file ${missing}.`);
    for (let i = 0; i < missing.length; i++) screen.keypress('backspace');
    screen.type(file);
    screen.keypress('enter');
    const { stdout } = await output;
    expect(stdout).toContain('Added 4 sets');
    expect(storedSets(run.dbPath)).toHaveLength(4);
  });

  it('without a terminal is a usage error that says what is missing', async () => {
    const run = context({ tty: false });
    await expect(importCommand(undefined, OPTIONS, run, undefined, recordingPrompter().prompter)).rejects.toMatchObject({ message: 'Missing the file to import.', exitCode: 2 });
  });
});
