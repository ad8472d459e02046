import { applySettingFlags, newExerciseBase, type SettingFlags } from '../domain/exercise-flags.js';
import { usageError } from '../errors.js';
import { describeSettings } from '../io/render-exercises.js';
import { checkedSettings } from './checked-settings.js';
import type { RunContext } from './context.js';
import { withLog } from './open-log.js';
import type { CommandOutput } from './output.js';

export interface ExerciseAddOptions extends SettingFlags {
  alias?: string[];
}

/**
 * `rehab exercise add <name>`: a new exercise with the defaults of its equipment (SPEC §4) and
 * the settings flags on top, all checked before anything is written.
 */
export async function exerciseAddCommand(words: string[], options: ExerciseAddOptions, context: RunContext): Promise<CommandOutput> {
  const typed = words.join(' ').trim();
  // `step up` → `Step up`, as `rehab log --new` names it, so names read like the starter programme's.
  const name = typed.charAt(0).toUpperCase() + typed.slice(1);
  if (name === '') throw usageError('Missing the name of the exercise to add.', 'Write it like `rehab exercise add "step up" --equipment dumbbell`.');
  return withLog(context, (log) => {
    const candidate = applySettingFlags(newExerciseBase(options, log.units), options, log.units);
    const settings = checkedSettings(candidate, 'Nothing was added');
    const exercise = log.exercises.create({ name, aliases: options.alias ?? [], settings }, context.now);
    const aliases = exercise.aliases.length > 0 ? ` (also ${exercise.aliases.join(', ')})` : '';
    const stdout = `Added ${exercise.name}${aliases}: ${describeSettings(exercise.settings, context.displayUnits ?? log.units, context.displayUnits)}.`;
    const notes = [...log.notices, `Log it with \`rehab log "${exercise.name}" …\`; change it with \`rehab exercise set "${exercise.name}" …\`.`];
    return { stdout, stderr: notes.join('\n') };
  });
}
