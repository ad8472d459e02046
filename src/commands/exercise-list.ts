import { renderExercisesAsJson, renderExercisesAsText } from '../io/render-exercises.js';
import { fitWidth } from '../io/terminal-text.js';
import type { RunContext } from './context.js';
import { withLog } from './open-log.js';
import type { CommandOutput, OutputFormat } from './output.js';

export interface ExerciseListOptions {
  /** Include archived exercises. */
  all?: boolean;
  format: OutputFormat;
}

/** `rehab exercise list`: every exercise with its aliases and main settings. */
export async function exerciseListCommand(options: ExerciseListOptions, context: RunContext): Promise<CommandOutput> {
  return withLog(context, (log) => {
    const exercises = log.exercises.list({ includeArchived: options.all ?? false });
    const stdout =
      options.format === 'json'
        ? renderExercisesAsJson(exercises)
        : renderExercisesAsText(exercises, context.displayUnits ?? log.units, context.style, { displayUnits: context.displayUnits, width: fitWidth(context) });
    return { stdout, stderr: log.notices.join('\n') };
  });
}
