import { describe, expect, it } from 'vitest';
import { planSetup, type ProgrammeExercise, type SetupChoices } from '../../src/domain/setup-plan.js';
import { starterProgramme } from '../../src/domain/starter-programme.js';
import { RehabError } from '../../src/errors.js';

/** The starter programme as a log set up in kg holds it, ids 1–5; `withSets` names those with history. */
function logProgramme(withSets: string[] = [], archived: string[] = []): ProgrammeExercise[] {
  return starterProgramme('kg').map((exercise, index) => ({
    id: index + 1,
    ...exercise,
    archived: archived.includes(exercise.name),
    hasSets: withSets.includes(exercise.name),
  }));
}

function choices(overrides: Partial<SetupChoices> = {}): SetupChoices {
  return { units: 'kg', drop: [], add: [], starts: [], ...overrides };
}

const active = (programme: ProgrammeExercise[]) => programme.filter((exercise) => !exercise.archived).map((exercise) => exercise.name);

describe('planSetup: the programme', () => {
  it('drops by name or alias, any case, by archiving: history is never deleted', () => {
    const plan = planSetup(logProgramme(['Bird dog']), choices({ drop: ['BIRDDOG', 'side bridge'] }), 'kg');
    expect(active(plan.programme)).toStrictEqual(['Goblet squat', 'Glute bridge', 'Romanian deadlift']);
    expect(plan.programme).toHaveLength(5);
    expect(plan.changes).toStrictEqual([
      { kind: 'drop', name: 'Bird dog', hasSets: true },
      { kind: 'drop', name: 'Side plank', hasSets: false },
    ]);
  });

  it('adds a new exercise with the defaults (bodyweight, 3×8–12, reps) and a pattern guessed from its name', () => {
    const plan = planSetup(logProgramme(), choices({ add: [{ name: 'step up' }, { name: 'dead bug', equipment: 'dumbbell', measure: 'seconds' }] }), 'kg');
    const added = plan.programme.slice(5);
    expect(added.map(({ id, name, archived, hasSets }) => ({ id, name, archived, hasSets }))).toStrictEqual([
      { id: null, name: 'Step up', archived: false, hasSets: false },
      { id: null, name: 'Dead bug', archived: false, hasSets: false },
    ]);
    expect(added[0]!.settings).toMatchObject({ equipment: 'bodyweight', measure: 'reps', sets: 3, reps: { min: 8, max: 12 }, pattern: 'squat' });
    expect(added[1]!.settings).toMatchObject({ equipment: 'dumbbell', measure: 'seconds', pattern: 'core', increment: { kg: 2, lb: 5 } });
    expect(plan.changes.map((change) => `${change.kind} ${change.name}`)).toStrictEqual(['add Step up', 'add Dead bug']);
  });

  it.each<[string, SetupChoices, ProgrammeExercise[]]>([
    ['dropping an archived exercise', choices({ drop: ['bird dog'] }), logProgramme([], ['Bird dog'])],
    ['adding an exercise already in the programme', choices({ add: [{ name: 'glute bridge' }] }), logProgramme()],
    ['a start load it already has', choices({ starts: [{ exercise: 'rdl', load: { kind: 'external', value: 8, unit: 'kg' } }] }), logProgramme()],
    ['the same units', choices({ units: 'kg' }), logProgramme()],
  ])('changes nothing for %s, so the same `rehab init --yes …` can run twice', (_case, given, programme) => {
    const plan = planSetup(programme, given, 'kg');
    expect(plan.changes).toStrictEqual([]);
    expect(plan.programme).toStrictEqual(programme);
  });

  it('brings an archived exercise back when it is added', () => {
    const plan = planSetup(logProgramme(['Bird dog'], ['Bird dog']), choices({ add: [{ name: 'bird dog' }] }), 'kg');
    expect(active(plan.programme)).toContain('Bird dog');
    expect(plan.programme.find((exercise) => exercise.name === 'Bird dog')).toMatchObject({ id: 5, archived: false, hasSets: true });
    expect(plan.changes).toStrictEqual([{ kind: 'bring back', name: 'Bird dog' }]);
  });

  it('sets start loads, and a new exercise starts at the load given for it', () => {
    const plan = planSetup(
      logProgramme(),
      choices({
        add: [{ name: 'hip thrust', equipment: 'barbell' }],
        starts: [
          { exercise: 'squat', load: { kind: 'external', value: 6, unit: 'kg' } },
          { exercise: 'Hip thrust', load: { kind: 'external', value: 20, unit: 'kg' } },
        ],
      }),
      'kg',
    );
    expect(plan.changes).toStrictEqual([
      { kind: 'add', name: 'Hip thrust', settings: expect.objectContaining({ start: { kind: 'external', value: 20, unit: 'kg' } }) },
      { kind: 'start', name: 'Goblet squat', from: { kind: 'bodyweight', added: 0, unit: 'kg' }, to: { kind: 'external', value: 6, unit: 'kg' }, why: 'chosen' },
    ]);
  });
});

describe('planSetup: units', () => {
  it('expresses the start load of an exercise with no sets in the new units, on its step; one with sets keeps its settings', () => {
    const plan = planSetup(logProgramme(['Goblet squat']), choices({ units: 'lb' }), 'kg');
    const start = (name: string) => plan.programme.find((exercise) => exercise.name === name)!.settings.start;
    // 8 kg = 17.6 lb, on the kettlebell's 10 lb step.
    expect(start('Romanian deadlift')).toStrictEqual({ kind: 'external', value: 20, unit: 'lb' });
    expect(start('Glute bridge')).toStrictEqual({ kind: 'bodyweight', added: 0, unit: 'lb' });
    expect(start('Goblet squat')).toStrictEqual({ kind: 'bodyweight', added: 0, unit: 'kg' });
    expect(plan.changes).toContainEqual({ kind: 'start', name: 'Romanian deadlift', from: { kind: 'external', value: 8, unit: 'kg' }, to: { kind: 'external', value: 20, unit: 'lb' }, why: 'units' });
  });

  it('a start chosen in the same set-up wins over the conversion', () => {
    const plan = planSetup(logProgramme(), choices({ units: 'lb', starts: [{ exercise: 'rdl', load: { kind: 'external', value: 25, unit: 'lb' } }] }), 'kg');
    const rdl = plan.changes.filter((change) => change.kind === 'start' && change.name === 'Romanian deadlift');
    expect(rdl).toStrictEqual([{ kind: 'start', name: 'Romanian deadlift', from: { kind: 'external', value: 20, unit: 'lb' }, to: { kind: 'external', value: 25, unit: 'lb' }, why: 'chosen' }]);
  });

  it('converts nothing for a new log: its programme already comes in the chosen units', () => {
    const programme = starterProgramme('lb').map((exercise) => ({ id: null, ...exercise, archived: false, hasSets: false }));
    expect(planSetup(programme, choices({ units: 'lb' }), null).changes).toStrictEqual([]);
  });
});

describe('planSetup: refusals (usage errors, nothing planned)', () => {
  it.each<[string, Partial<SetupChoices>, RegExp]>([
    ['a --drop that names nothing', { drop: ['brdge'] }, /^--drop "brdge": no exercise of the programme is called that\. Did you mean Glute bridge or Side plank\? The programme: Goblet squat, Glute bridge, Romanian deadlift, Side plank, Bird dog\.$/],
    ['a --start that names nothing', { starts: [{ exercise: 'press', load: { kind: 'bodyweight', added: 0, unit: 'kg' } }] }, /^--start "press": no exercise of the programme is called that\./],
    ['a start load for a dropped exercise', { drop: ['rdl'], starts: [{ exercise: 'rdl', load: { kind: 'external', value: 12, unit: 'kg' } }] }, /^Romanian deadlift is not in the programme, so it has no start load to set\. Leave out its --start/],
    ['the same exercise dropped and added', { drop: ['bird dog'], add: [{ name: 'Bird dog' }] }, /^Bird dog is both dropped and added\. Give it once/],
    ['an exercise to add with no name', { add: [{ name: '  ' }] }, /^An exercise to add has no name\./],
  ])('%s', (_case, given, message) => {
    let error: unknown;
    try {
      planSetup(logProgramme(), choices(given), 'kg');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RehabError);
    const { message: text, hint, exitCode } = error as RehabError;
    expect(`${text} ${hint ?? ''}`).toMatch(message);
    expect(exitCode).toBe(2);
  });
});
