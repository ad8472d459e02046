// The questions of `rehab log`, rendered by the real @inquirer/prompts on @inquirer/testing's
// virtual terminal: what is shown, the defaults, validation, and Ctrl-C.
import { screen } from '@inquirer/testing/vitest';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { prescribeNext } from '../../src/domain/progression.js';
import { starterProgramme } from '../../src/domain/starter-programme.js';
import { askLogSession, confirmNewExercise, exerciseChoices, type LogCandidate } from '../../src/io/log-questions.js';
import { terminalPrompter } from '../../src/io/prompts.js';

const CANDIDATES: LogCandidate[] = starterProgramme('kg').map((exercise) => ({
  name: exercise.name,
  aliases: exercise.aliases,
  prescription: prescribeNext({ settings: exercise.settings, sessions: [], checkins: [], today: '2026-11-24', defaultUnit: 'kg' }),
}));

const prompter = () => terminalPrompter(new PassThrough());

describe('exerciseChoices: the searchable list', () => {
  it.each<[string, string, string[]]>([
    ['no term lists every exercise in programme order', '', ['Goblet squat', 'Glute bridge', 'Romanian deadlift', 'Side plank', 'Bird dog']],
    ['a term matches names and aliases, any case, anywhere in them', 'BRID', ['Glute bridge', 'Side plank', 'New exercise "BRID"']],
    ['an alias typed whole matches, and offers no new exercise', 'rdl', ['Romanian deadlift']],
    ['a typo falls back to the closest names (suggestNames)', 'sqaut', ['Goblet squat', 'New exercise "Sqaut"']],
    ['a name the log lacks offers it as a new exercise, tidied', 'step  up', ['New exercise "Step up"']],
  ])('%s', (_case, term, names) => {
    expect(exerciseChoices(CANDIDATES, term).map((choice) => choice.name)).toStrictEqual(names);
  });

  it('describes each exercise by its next prescription', () => {
    expect(exerciseChoices(CANDIDATES, 'rdl')[0]?.description).toBe('Next: 8 kg 3×8 (range 8–15), start');
  });
});

describe('askLogSession', () => {
  it('takes the prescription as each default: Enter four times logs the prescribed session', async () => {
    const answers = askLogSession(prompter(), CANDIDATES, { units: 'kg', askPain: true });
    await screen.next();
    expect(screen.getScreen()).toContain('Exercise (type to search)');
    expect(screen.getScreen()).toContain('❯ Goblet squat');
    screen.keypress('down');
    screen.keypress('down');
    expect(screen.getScreen()).toContain('Next: 8 kg 3×8 (range 8–15), start');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toBe('? Load (25kg, 55lb, bw, bw+10kg) (8 kg)');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toBe('? Sets × reps (3x8, 8,8,6, 3x8@7) (3x8)');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Pain during the session, 0–10 (Enter to skip)');
    screen.keypress('enter');
    await expect(answers).resolves.toStrictEqual({
      name: 'Romanian deadlift',
      isNew: false,
      load: { kind: 'external', value: 8, unit: 'kg' },
      scheme: { kind: 'reps', reps: [8, 8, 8] },
      pain: undefined,
    });
  });

  it('reads typed answers with the log grammar, a bare number in the log units', async () => {
    const answers = askLogSession(prompter(), CANDIDATES, { units: 'lb', askPain: true });
    await screen.next();
    screen.type('squat');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.type('25');
    screen.keypress('enter');
    await screen.next();
    screen.type('10,10,8@8');
    screen.keypress('enter');
    await screen.next();
    screen.type('4');
    screen.keypress('enter');
    await expect(answers).resolves.toStrictEqual({
      name: 'Goblet squat',
      isNew: false,
      load: { kind: 'external', value: 25, unit: 'lb' },
      scheme: { kind: 'reps', reps: [10, 10, 8], rpe: 8 },
      pain: 4,
    });
  });

  it('keeps asking until an answer is right, showing the grammar error under the question', async () => {
    const answers = askLogSession(prompter(), CANDIDATES, { units: 'kg', askPain: false });
    await screen.next();
    screen.type('plank');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.type('25 kilos');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Load "25 kilos" has an unknown unit "kilos". Use kg, lb or lbs, as in 25kg, 25 kg or 55lb.');
    for (let i = 0; i < '25 kilos'.length; i++) screen.keypress('backspace');
    screen.type('bw');
    screen.keypress('enter');
    await screen.next();
    // Side plank is a timed hold: its default is in seconds, and reps are refused.
    expect(screen.getScreen()).toBe('? Sets × seconds (3x30s, 30s,30s,25s) (3x20s)');
    screen.type('3x8');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('This exercise is a timed hold. Write the scheme in seconds, like 3x30s.');
    for (let i = 0; i < 3; i++) screen.keypress('backspace');
    screen.type('30s,25s');
    screen.keypress('enter');
    // --pain was given, so pain is not asked.
    await expect(answers).resolves.toStrictEqual({
      name: 'Side plank',
      isNew: false,
      load: { kind: 'bodyweight', added: 0, unit: 'kg' },
      scheme: { kind: 'seconds', seconds: [30, 25] },
      pain: undefined,
    });
  });

  it('offers a name the log lacks as a new exercise, with default answers', async () => {
    const answers = askLogSession(prompter(), CANDIDATES, { units: 'kg', askPain: false });
    await screen.next();
    screen.type('step up');
    await screen.next();
    expect(screen.getScreen()).toContain('❯ New exercise "Step up"');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toBe('? Load (25kg, 55lb, bw, bw+10kg) (bw)');
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    await expect(answers).resolves.toMatchObject({ name: 'Step up', isNew: true, scheme: { kind: 'reps', reps: [8, 8, 8] } });
  });

  it('rejects with ExitPromptError on Ctrl-C, which main reports as a cancel', async () => {
    const answers = askLogSession(prompter(), CANDIDATES, { units: 'kg', askPain: true });
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    await expect(answers).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});

describe('confirmNewExercise', () => {
  it.each<[string, string, boolean]>([
    ['y', 'yes creates', true],
    ['', 'Enter is no: a typo must not create an exercise', false],
  ])('%j: %s', async (typed, _case, expected) => {
    const answer = confirmNewExercise(prompter(), 'sqat', ['Goblet squat']);
    await screen.next();
    expect(screen.getScreen()).toBe('? No exercise is called "sqat" (did you mean Goblet squat?). Create it as a new exercise? (y/N)');
    if (typed) screen.type(typed);
    screen.keypress('enter');
    await expect(answer).resolves.toBe(expected);
  });
});
