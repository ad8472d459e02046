// The questions of `rehab init` on a terminal: units, body weight, which exercises to keep, what
// to add, and start loads. A question whose answer was given as a flag is not asked. The answers
// become the same `SetupChoices` the flags make, so both ways set a log up alike.
import { tidyExerciseName, type AddedExercise, type ProgrammeExercise, type SetupChoices } from '../domain/setup-plan.js';
import { normaliseName } from '../domain/exercise-names.js';
import { parseLoad } from '../domain/log-grammar.js';
import type { Equipment, Load, Measure, Unit } from '../domain/types.js';
import { formatLoad } from '../domain/units.js';
import { validateWith, type Prompter } from './prompts.js';

/** What the questions start from. */
export interface SetupState {
  /** True when the log was never set up: its programme is the starter programme, not yet written. */
  isNew: boolean;
  /** The log's units now. */
  units: Unit;
  /** The latest body weight, as shown (`82.5 kg`), if one is known. */
  bodyweight: string | undefined;
  /** The programme in the given units (a new log's starter programme depends on them). */
  programme(units: Unit): ProgrammeExercise[];
  /** Reads a body weight as typed, or throws a usage error (the `rehab bodyweight` rules). */
  parseBodyweight(text: string, units: Unit): Load;
}

/** What was given as flags; each question is asked only when its flag is absent. */
export interface GivenAnswers {
  units?: Unit;
  bodyweight?: string;
  /** True when --drop or --add was given: the programme is not asked about. */
  programme: boolean;
  /** True when --start was given. */
  starts: boolean;
}

export interface SetupAnswers extends SetupChoices {
  /** The body weight to record, as typed; undefined to leave it. */
  bodyweight: string | undefined;
}

const EQUIPMENT: Array<{ value: Equipment; name: string }> = [
  { value: 'bodyweight', name: 'bodyweight (with a weight added later, if any)' },
  { value: 'dumbbell', name: 'dumbbell' },
  { value: 'kettlebell', name: 'kettlebell' },
  { value: 'barbell', name: 'barbell' },
  { value: 'machine', name: 'machine or cable' },
];

/** Asks what `given` leaves open and returns the choices (flags and answers together). */
export async function askSetup(prompter: Prompter, state: SetupState, given: GivenAnswers & { choices: SetupChoices }): Promise<SetupAnswers> {
  const units =
    given.units ??
    (await prompter.select<Unit>({
      message: 'Units for loads (a bare number in `rehab log` means this)',
      choices: [
        { value: 'kg', name: 'kg (kilograms)' },
        { value: 'lb', name: 'lb (pounds)' },
      ],
      default: state.units,
    }));

  const bodyweight =
    given.bodyweight ??
    emptyToUndefined(
      await prompter.input({
        message: state.bodyweight
          ? `Body weight, for the body-weight milestones (now ${state.bodyweight}; Enter to keep it)`
          : `Body weight, for the body-weight milestones (e.g. ${units === 'kg' ? '80kg' : '175lb'}; Enter to skip)`,
        validate: (text) => text.trim() === '' || validateWith((typed) => state.parseBodyweight(typed, units))(text),
      }),
    );

  const programme = state.programme(units);
  let drop = given.choices.drop;
  let add = given.choices.add;
  if (!given.programme) {
    const kept = await prompter.checkbox<string>({
      message: state.isNew ? 'Your programme: keep these? (space toggles, Enter accepts)' : 'Your programme (space toggles; unticked ones are archived, their history kept)',
      choices: programme.map((exercise) => ({
        value: exercise.name,
        name: exercise.name,
        checked: !exercise.archived,
        description: describe(exercise),
      })),
      pageSize: 12,
    });
    const keptSet = new Set(kept);
    drop = programme.filter((exercise) => !exercise.archived && !keptSet.has(exercise.name)).map((exercise) => exercise.name);
    add = programme.filter((exercise) => exercise.archived && keptSet.has(exercise.name)).map((exercise) => ({ name: exercise.name }));
    add.push(...(await askNewExercises(prompter, [...programme.map((exercise) => exercise.name), ...add.map((added) => added.name)])));
  }

  let starts = given.choices.starts;
  if (!given.starts) {
    const dropped = new Set(drop.map(normaliseName));
    const open = programme.filter((exercise) => !exercise.hasSets && !exercise.archived && !dropped.has(normaliseName(exercise.name)));
    const addedNames = add.filter((added) => !programme.some((exercise) => normaliseName(exercise.name) === normaliseName(added.name)));
    const listed = [...open.map((exercise) => `${exercise.name} ${formatLoad(exercise.settings.start)}`), ...addedNames.map((added) => `${added.name} bodyweight`)];
    if (listed.length > 0) {
      const change = await prompter.confirm({
        message: `Start loads: ${listed.join(', ')}. Change any?`,
        default: false,
      });
      if (change) {
        starts = [];
        for (const exercise of [...open.map((entry) => ({ name: entry.name, start: entry.settings.start })), ...addedNames.map((added) => ({ name: added.name, start: undefined }))]) {
          const text = await prompter.input({
            message: `Start load of ${exercise.name}`,
            default: exercise.start ? formatLoad(exercise.start) : 'bodyweight',
            validate: validateWith((typed) => parseLoad(typed, units)),
          });
          starts.push({ exercise: exercise.name, load: parseLoad(text, units) });
        }
      }
    }
  }
  return { units, bodyweight, drop, add, starts };
}

/** Asks for exercises to add, one at a time, until an empty name. */
async function askNewExercises(prompter: Prompter, taken: string[]): Promise<AddedExercise[]> {
  const added: AddedExercise[] = [];
  const names = new Set(taken.map(normaliseName));
  for (;;) {
    const name = tidyExerciseName(
      await prompter.input({
        message: added.length === 0 ? 'Add an exercise? Its name, or Enter for none' : 'Add another? Its name, or Enter when done',
        validate: (text) => {
          if (text.trim() === '') return true;
          return names.has(normaliseName(text)) ? `"${text.trim()}" is already in the list above.` : true;
        },
      }),
    );
    if (name === '') return added;
    const equipment = await prompter.select<Equipment>({ message: `${name}: equipment`, choices: EQUIPMENT });
    const measure = await prompter.select<Measure>({
      message: `${name}: counted in`,
      choices: [
        { value: 'reps', name: 'reps (3×8–12)' },
        { value: 'seconds', name: 'seconds (timed holds, 3×20–45 s)' },
      ],
    });
    added.push({ name, equipment, measure });
    names.add(normaliseName(name));
  }
}

/** `Goblet squat: starts at bodyweight, 3×8–12` — what each programme entry is, at a glance. */
function describe(exercise: ProgrammeExercise): string {
  const settings = exercise.settings;
  const range = settings.measure === 'seconds' ? `${settings.seconds.min}–${settings.seconds.max} s` : `${settings.reps.min}–${settings.reps.max}`;
  const state = exercise.hasSets ? 'has history' : `starts at ${formatLoad(settings.start)}`;
  return `${settings.equipment}, ${settings.sets}×${range}, ${state}${exercise.archived ? ' (archived)' : ''}`;
}

function emptyToUndefined(text: string): string | undefined {
  return text.trim() === '' ? undefined : text.trim();
}
