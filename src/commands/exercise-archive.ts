import { usageError } from '../errors.js';
import type { RunContext } from './context.js';
import { withLog } from './open-log.js';
import type { CommandOutput } from './output.js';
import { findExercise } from './prescribe.js';

/**
 * `rehab exercise archive|unarchive <exercise>`: an archived exercise is left out of `rehab next`
 * and cannot be logged; its history stays, and unarchiving brings it back as it was.
 */
export async function exerciseArchiveCommand(words: string[], options: { archive: boolean }, context: RunContext): Promise<CommandOutput> {
  const name = words.join(' ').trim();
  const verb = options.archive ? 'archive' : 'unarchive';
  if (name === '') throw usageError(`Missing the exercise to ${verb}.`, `Write it like \`rehab exercise ${verb} "bird dog"\`.`);
  return withLog(context, (log) => {
    const exercise = findExercise(log, name, 'Run `rehab exercise list --all` to see the exercises.');
    const quoted = `"${exercise.name}"`;
    let stdout: string;
    if (exercise.archived === options.archive) {
      stdout = `${exercise.name} is already ${options.archive ? 'archived' : 'active'}; nothing changed.`;
    } else {
      log.exercises.update(exercise.id, { archived: options.archive });
      stdout = options.archive
        ? `Archived ${exercise.name}: it is left out of \`rehab next\` and its history is kept. Bring it back with \`rehab exercise unarchive ${quoted}\`.`
        : `Brought back ${exercise.name}: it is in \`rehab next\` again, with its history.`;
    }
    return { stdout, stderr: log.notices.join('\n') };
  });
}
