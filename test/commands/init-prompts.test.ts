// `rehab init` through its handler on a real log, its questions answered on @inquirer/testing's
// virtual terminal: a new log set up from the answers, a second run that changes settings only,
// flags that skip their questions, and a cancel or a "no" that writes nothing.
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { initCommand } from '../../src/commands/init.js';
import { logCommand } from '../../src/commands/log.js';
import { withLog } from '../../src/commands/open-log.js';
import { context, everything, recordingPrompter, rows } from './terminal-context.js';

interface ExerciseRow {
  name: string;
  archived: number;
  settings: string;
}

const exercises = (dbPath: string) =>
  rows<ExerciseRow>(dbPath, 'SELECT name, archived, settings FROM exercises ORDER BY id').map((row) => ({
    name: row.name,
    archived: row.archived === 1,
    start: JSON.parse(row.settings).start,
  }));

describe('rehab init on a terminal, on a new log', () => {
  it('says the safety notice first, asks each question, shows the summary, and saves on yes', async () => {
    const run = context({ tty: true });
    const { prompter, said } = recordingPrompter();
    const output = initCommand({}, run, prompter);
    await screen.next();
    expect(said()).toMatch(/^rehab is not medical advice.*\n.*numbness around the genitals or anus.*\n\nSetting up a new log at .*rehab\.db\.\n$/);
    expect(screen.getScreen()).toContain('Units for loads');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toBe('? Body weight, for the body-weight milestones (e.g. 175lb; Enter to skip)');
    screen.type('180');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('◉ Bird dog');
    for (let i = 0; i < 4; i++) screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toBe('? Add an exercise? Its name, or Enter for none');
    screen.type('hip thrust');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Hip thrust: equipment');
    for (let i = 0; i < 3; i++) screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    // Start loads in the chosen units: the kettlebell deadlift of the lb starter programme is 20 lb.
    expect(screen.getScreen()).toBe(
      '? Start loads: Goblet squat bodyweight, Glute bridge bodyweight, Romanian deadlift 20 lb, Side plank bodyweight, Hip thrust bodyweight. Change any? (y/N)',
    );
    screen.type('y');
    screen.keypress('enter');
    for (const typed of ['', '', '', '', '45lb']) {
      await screen.next();
      if (typed) screen.type(typed);
      screen.keypress('enter');
    }
    await screen.next();
    expect(screen.getScreen()).toBe('? Save this? (Y/n)');
    expect(said()).toContain(
      [
        'A new log at ' + run.dbPath + ':',
        '  Units        lb',
        '  Body weight  180 lb (Tue 24 Nov)',
        '  Programme    Goblet squat       starts at bodyweight',
        '               Glute bridge       starts at bodyweight',
        '               Romanian deadlift  starts at 20 lb',
        '               Side plank         starts at bodyweight',
        '               Hip thrust         starts at 45 lb',
        '  Left out     Bird dog',
      ].join('\n'),
    );
    screen.keypress('enter');
    const { stdout, stderr } = await output;
    expect(stdout).toBe('Saved. Run `rehab next` to see your first session.');
    expect(stderr).toBe('');

    expect(rows(run.dbPath, "SELECT value FROM meta WHERE key = 'units'")).toStrictEqual([{ value: 'lb' }]);
    expect(rows(run.dbPath, 'SELECT date, value, unit FROM bodyweights')).toStrictEqual([{ date: '2026-11-24', value: 180, unit: 'lb' }]);
    expect(exercises(run.dbPath)).toStrictEqual([
      { name: 'Goblet squat', archived: false, start: { kind: 'bodyweight', added: 0, unit: 'lb' } },
      { name: 'Glute bridge', archived: false, start: { kind: 'bodyweight', added: 0, unit: 'lb' } },
      { name: 'Romanian deadlift', archived: false, start: { kind: 'external', value: 20, unit: 'lb' } },
      { name: 'Side plank', archived: false, start: { kind: 'bodyweight', added: 0, unit: 'lb' } },
      { name: 'Hip thrust', archived: false, start: { kind: 'external', value: 45, unit: 'lb' } },
    ]);
    const thrust = JSON.parse(rows<{ settings: string }>(run.dbPath, "SELECT settings FROM exercises WHERE name = 'Hip thrust'")[0]!.settings);
    expect(thrust).toMatchObject({ equipment: 'barbell', measure: 'reps', pattern: 'bridge' });

    // Set up once: the next command neither seeds the starter programme nor repeats the notice.
    const next = await logCommand(['bridge'], {}, context({ tty: false, dbPath: run.dbPath }));
    expect(next.stderr).not.toContain('not medical advice');
    expect(exercises(run.dbPath)).toHaveLength(5);
  });

  it('writes nothing when cancelled half-way: the log stays not set up', async () => {
    const run = context({ tty: true });
    const output = initCommand({}, run, recordingPrompter().prompter);
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.type('80');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(output).rejects.toMatchObject({ name: 'ExitPromptError' });
    const after = everything(run.dbPath);
    expect({ exercises: after.exercises, meta: after.meta, bodyweights: after.bodyweights }).toStrictEqual({ exercises: [], meta: [], bodyweights: [] });
  });

  it('writes nothing on "no" at the last question, and says so', async () => {
    const run = context({ tty: true });
    const output = initCommand({ units: 'kg', bodyweight: '80kg', drop: [], start: [] }, run, recordingPrompter().prompter);
    // Units, body weight, the programme and the start loads came as flags: only the save is asked.
    await screen.next();
    expect(screen.getScreen()).toBe('? Save this? (Y/n)');
    screen.type('n');
    screen.keypress('enter');
    await expect(output).resolves.toStrictEqual({ stderr: 'Nothing was saved; run `rehab init` again when you are ready.' });
    expect(everything(run.dbPath).exercises).toStrictEqual([]);
  });
});

describe('rehab init on a terminal, on a log set up before', () => {
  it('changes settings only: the history, its loads and its units stay as logged', async () => {
    const run = context({ tty: false });
    await logCommand(['bird', 'dog', 'x10'], {}, run);
    await logCommand(['squat', '10kg', '3x8'], {}, run);
    const sets = rows(run.dbPath, 'SELECT * FROM sets ORDER BY id');
    const { prompter, said } = recordingPrompter();
    const output = initCommand({}, { ...run, stdinIsTTY: true }, prompter);
    await screen.next();
    expect(said()).toBe(`The log at ${run.dbPath} is set up already: your answers change its settings, never what you logged.\n`);
    expect(said()).not.toContain('not medical advice');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    // Untick Bird dog, which has history: it is archived, not deleted.
    for (let i = 0; i < 4; i++) screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    // Only exercises with no sets yet have a start load that matters.
    expect(screen.getScreen()).toBe('? Start loads: Glute bridge bodyweight, Romanian deadlift 20 lb, Side plank bodyweight. Change any? (y/N)');
    screen.keypress('enter');
    await screen.next();
    expect(said()).toContain('Units: kg → lb. Loads already logged stay as they were logged; a bare number now means lb.');
    expect(said()).toContain('Archived Bird dog: its history stays; `rehab exercise unarchive "Bird dog"` brings it back.');
    expect(said()).toContain('Romanian deadlift starts at 20 lb (was 8 kg, in the old units).');
    screen.keypress('enter');
    await expect(output).resolves.toStrictEqual({ stdout: 'Saved.', stderr: '' });

    expect(rows(run.dbPath, 'SELECT * FROM sets ORDER BY id')).toStrictEqual(sets);
    expect(exercises(run.dbPath).find((exercise) => exercise.name === 'Bird dog')?.archived).toBe(true);
    // The squat has sets: its settings are not touched.
    expect(exercises(run.dbPath)[0]!.start).toStrictEqual({ kind: 'bodyweight', added: 0, unit: 'kg' });
  });
});
