// The terminal's answer to `UnknownNameResolver`: `rehab import` on a terminal asks about each
// exercise name of the file the log does not know, before anything is written.
import { normalizeExerciseName } from '../db/exercise-repository.js';
import { importedExerciseSettings } from '../domain/imported-exercise.js';
import { InternalError } from '../errors.js';
import { askAboutNames } from '../io/import-questions.js';
import { terminalPrompter, type Prompter } from '../io/prompts.js';
import type { NameResolution, UnknownNameResolver } from './import-names.js';
import { sayNoticesBeforeAsking } from './open-log.js';

/** A resolver that asks: a new exercise (its own name or another), one of the log's, or skip its rows. */
export function askAboutUnknownNames(prompter: Prompter = terminalPrompter()): UnknownNameResolver {
  return async (names, log) => {
    sayNoticesBeforeAsking(log, prompter);
    prompter.say(
      names.length === 1
        ? 'One exercise name in the file is not in your log.'
        : `${names.length} exercise names in the file are not in your log: ${names.map((name) => `"${name.name}"`).join(', ')}.`,
    );
    const settingsOf = (index: number) => {
      const name = names[index]!;
      return importedExerciseSettings(name.name, name.rows, log.units);
    };
    const exercises = log.exercises.list();
    const answers = await askAboutNames(
      prompter,
      names.map((name, index) => {
        const settings = settingsOf(index);
        return { name: name.name, rows: name.rows.total, newExercise: `${settings.equipment}, ${settings.measure === 'seconds' ? 'timed holds' : 'reps'}` };
      }),
      exercises,
      (text) => log.exercises.findByNameOrAlias(text),
    );
    const resolved = new Map<string, NameResolution>();
    answers.forEach((answer, index) => {
      const name = names[index]!;
      if (answer.kind === 'skip') {
        resolved.set(name.key, { how: 'skip' });
      } else if (answer.kind === 'new') {
        resolved.set(name.key, { how: 'new', name: normalizeExerciseName(answer.name), settings: settingsOf(index) });
      } else {
        const exercise = log.exercises.findById(answer.id);
        if (!exercise) throw new InternalError(`Exercise ${answer.id}, chosen for "${name.name}", is not in the log.`);
        resolved.set(name.key, { how: 'chosen', exercise });
      }
    });
    return resolved;
  };
}
