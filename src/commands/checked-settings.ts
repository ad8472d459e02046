import { exerciseSettingsSchema } from '../db/exercise-settings-schema.js';
import type { ExerciseSettings } from '../domain/types.js';
import { usageError } from '../errors.js';
import { describeIssues } from '../io/validation-messages.js';

/**
 * `candidate` checked against the settings schema (the single truth for settings), or one usage
 * error that names every setting that is wrong and what would be right:
 * `reps.max must be at least reps.min (12).` `nothing` says what was not done.
 */
export function checkedSettings(candidate: unknown, nothing: string): ExerciseSettings {
  const parsed = exerciseSettingsSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const problems = describeIssues(parsed.error.issues, exerciseSettingsSchema, candidate, { whole: 'settings' });
  throw usageError(`${problems.join('; ')}.`, `${nothing}; \`rehab exercise set --help\` lists the settings.`);
}
