// Questions that pick one thing the log holds, for a command run on a terminal without it:
// `rehab progress` alone picks an exercise (a list searched by typing), `rehab delete` and
// `rehab edit` without an id a set from the latest ones (delete then asks to be sure). Handlers
// ask only when stdin is a terminal.
import { normaliseName, suggestNames } from '../domain/exercise-names.js';
import type { RunContext } from '../commands/context.js';
import { formatDay } from './format.js';
import type { Prompter } from './prompts.js';
import { describeValues, placeOf, type ShownSet } from './render-corrections.js';

/** What a set's line needs of the run: today (for relative days) and the units to show loads in. */
type Context = Pick<RunContext, 'today' | 'displayUnits'>;

/** What an exercise is called: its name and its other names. */
export interface NamedExercise {
  name: string;
  aliases: readonly string[];
}

/** An exercise's name and aliases as compared with what is typed (case and spacing ignored). */
export function namesOf(exercise: NamedExercise): string[] {
  return [exercise.name, ...exercise.aliases].map(normaliseName);
}

/**
 * The exercises whose name or an alias contains `term`, ignoring case and spacing (all of them for
 * no term), else those with the names closest to it.
 */
export function matchingExercises<Exercise extends NamedExercise>(exercises: readonly Exercise[], term: string): Exercise[] {
  const wanted = normaliseName(term);
  const containing = exercises.filter((exercise) => namesOf(exercise).some((word) => word.includes(wanted)));
  if (containing.length > 0 || wanted === '') return containing;
  const close = new Set(suggestNames(term, exercises.flatMap((exercise) => [exercise.name, ...exercise.aliases])).map(normaliseName));
  return exercises.filter((exercise) => namesOf(exercise).some((word) => close.has(word)));
}

/** Asks which of `exercises` (at least one) is meant; returns its name. */
export async function askExercise(prompter: Prompter, exercises: readonly NamedExercise[], message: string): Promise<string> {
  return prompter.search<string>({
    message,
    source: (term) => matchingExercises(exercises, term ?? '').map((exercise) => ({ name: exercise.name, value: exercise.name })),
    pageSize: 10,
  });
}

/** `812  Tue 24 Nov  Goblet squat  set 2  25 kg × 10`: a set as a line to pick. */
export function setChoiceName(set: ShownSet, context: Context): string {
  return `${set.id}  ${formatDay(set.date, context.today)}  ${set.exerciseName}  ${placeOf(set)}  ${describeValues(set, context)}`;
}

/** Asks which of `sets` (the latest first, at least one) is meant; returns it. */
export async function askSet<Set extends ShownSet>(
  prompter: Prompter,
  sets: readonly Set[],
  context: Context,
  message: string,
): Promise<Set> {
  const id = await prompter.select<number>({ message, choices: sets.map((set) => ({ name: setChoiceName(set, context), value: set.id })), pageSize: 10 });
  return sets.find((set) => set.id === id) as Set;
}

/** Asks whether to delete `set`, "no" by default: a set deleted cannot be brought back. */
export async function confirmDelete(prompter: Prompter, set: ShownSet, context: Context): Promise<boolean> {
  return prompter.confirm({ message: `Delete ${setChoiceName(set, context)}? It cannot be undone.`, default: false });
}
