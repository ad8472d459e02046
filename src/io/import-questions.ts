// The question `rehab import` asks on a terminal about each exercise name of the file that the
// log does not know: import it as a new exercise (under its own name or another), into one of
// your exercises, or skip its rows.
import { normaliseName } from '../domain/exercise-names.js';
import type { Prompter } from './prompts.js';

/** An exercise name of the file that nothing resolved. */
export interface UnknownName {
  name: string;
  /** Its rows in the file. */
  rows: number;
  /** What a new exercise would be, e.g. `barbell, reps`. */
  newExercise: string;
}

/** An active exercise of the log, to import into. */
export interface LogExercise {
  id: number;
  name: string;
  aliases: string[];
}

export type NameAnswer = { kind: 'new'; name: string } | { kind: 'existing'; id: number } | { kind: 'skip' };

type Choice = NameAnswer | { kind: 'rename' };

/**
 * Asks about each name in turn and returns the answers in the same order. `lookup` tells what a
 * typed new name already names in the log: an active exercise (then it is used), an archived
 * one (refused), or nothing.
 */
export async function askAboutNames(
  prompter: Prompter,
  names: readonly UnknownName[],
  exercises: readonly LogExercise[],
  lookup: (text: string) => { id: number; name: string; archived: boolean } | undefined,
): Promise<NameAnswer[]> {
  const answers: NameAnswer[] = [];
  for (const unknown of names) {
    const choice = await prompter.search<Choice>({
      message: `"${unknown.name}" (${count(unknown.rows, 'row')}) is not in your log. Import it as (type to search your exercises)`,
      source: (term) => nameChoices(unknown, exercises, term ?? ''),
      pageSize: 12,
    });
    if (choice.kind !== 'rename') {
      answers.push(choice);
      continue;
    }
    const typed = (
      await prompter.input({
        message: `Name of the new exercise for "${unknown.name}"`,
        default: unknown.name,
        validate: (text) => {
          if (text.trim() === '') return 'Give it a name.';
          const found = lookup(text);
          return found?.archived ? `${found.name} is archived: bring it back with \`rehab exercise unarchive\`, or pick another name.` : true;
        },
      })
    ).trim();
    const found = lookup(typed);
    answers.push(found ? { kind: 'existing', id: found.id } : { kind: 'new', name: typed });
  }
  return answers;
}

/**
 * The choices for a search term: with no term, a new exercise, a new one with another name and
 * skip first, then every exercise of the log; with a term, what it names first (`skip`, `new`,
 * `rename`, then your exercises by name or alias), so that Enter picks the one searched for.
 */
export function nameChoices(unknown: UnknownName, exercises: readonly LogExercise[], term: string) {
  const wanted = normaliseName(term);
  const matching = exercises
    .filter((exercise) => [exercise.name, ...exercise.aliases].some((word) => normaliseName(word).includes(wanted)))
    .map((exercise) => ({
      name: exercise.name,
      value: { kind: 'existing', id: exercise.id } as Choice,
      description: `Import its rows into ${exercise.name}, and remember that for the next import.`,
    }));
  // Each way is also found by its own words, so that typing "skip" and Enter skips.
  const ways = [
    { words: ['new', 'create'], name: `a new exercise "${unknown.name}"`, value: { kind: 'new', name: unknown.name } as Choice, description: `Created with default settings: ${unknown.newExercise}.` },
    { words: ['new', 'rename', 'another', 'other'], name: 'a new exercise with another name…', value: { kind: 'rename' } as Choice, description: 'You type the name next.' },
    { words: ['skip'], name: `skip its ${count(unknown.rows, 'row')}`, value: { kind: 'skip' } as Choice, description: 'Nothing of it is imported; the next import asks again.' },
  ].map(({ words, ...choice }) => ({ choice, named: wanted !== '' && words.some((word) => word.startsWith(wanted)) }));
  if (wanted === '') return [...ways.map((way) => way.choice), ...matching];
  return [...ways.filter((way) => way.named).map((way) => way.choice), ...matching, ...ways.filter((way) => !way.named).map((way) => way.choice)];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
