import { MilestoneRepository } from '../db/milestone-repository.js';
import { normaliseName } from '../domain/exercise-names.js';
import { usageError } from '../errors.js';
import type { RunContext } from './context.js';
import { withLog } from './open-log.js';
import type { CommandOutput } from './output.js';
import { findExercise } from './prescribe.js';

export interface ExerciseRenameOptions {
  /** Keep the old name as an alias (the default; `--no-alias` turns it off). */
  alias: boolean;
}

/**
 * `rehab exercise rename <exercise> <new name>`: the same exercise (same id, so the same history,
 * settings and aliases) under a new name. The old name becomes an alias unless `--no-alias`, so
 * what was typed before still works.
 */
export async function exerciseRenameCommand(from: string, to: string, options: ExerciseRenameOptions, context: RunContext): Promise<CommandOutput> {
  const newName = to.trim().replace(/\s+/g, ' ');
  if (newName === '') throw usageError('The new name is empty.', 'Write it like `rehab exercise rename "goblet squat" "front squat"`.');
  return withLog(context, (log) => {
    const exercise = findExercise(log, from, 'Run `rehab exercise list --all` to see the exercises.');
    if (newName === exercise.name) return { stdout: `${exercise.name} is already called that; nothing changed.`, stderr: log.notices.join('\n') };
    const keepOld = options.alias && normaliseName(newName) !== normaliseName(exercise.name);
    const aliases = keepOld ? [...exercise.aliases, exercise.name] : exercise.aliases;
    // Milestone ids carry the exercise's name: move the acknowledgements with it, or a rename
    // would bring back milestones the user already acknowledged.
    const renamed = log.transaction(() => {
      const updated = log.exercises.update(exercise.id, { name: newName, aliases });
      log.repository(MilestoneRepository).renameExercise(exercise.name, updated.name);
      return updated;
    });
    const kept = keepOld ? ` "${exercise.name}" is now an alias, so it still works in \`rehab log\`.` : '';
    const stdout = `Renamed ${exercise.name} to ${renamed.name}; its history, settings and aliases are kept.${kept}`;
    return { stdout, stderr: log.notices.join('\n') };
  });
}
