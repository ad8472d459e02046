import { applySettingFlags, hasSettingFlags, type SettingFlags } from '../domain/exercise-flags.js';
import { normaliseName } from '../domain/exercise-names.js';
import { diffSettings, type SettingChange } from '../domain/settings-paths.js';
import type { Exercise, ExerciseSettings } from '../domain/types.js';
import { usageError } from '../errors.js';
import { renderChanges } from '../io/render-exercises.js';
import { checkedSettings } from './checked-settings.js';
import type { RunContext } from './context.js';
import { withLog } from './open-log.js';
import type { CommandOutput } from './output.js';
import { findExercise } from './prescribe.js';

export interface ExerciseSetOptions extends SettingFlags {
  aliasAdd?: string[];
  aliasRemove?: string[];
}

const SET_EXAMPLE = 'Write it like `rehab exercise set squat --reps 8-12` or `--set reps.max=15`.';

/**
 * `rehab exercise set <exercise>`: changes settings and aliases. Everything is checked first
 * (the settings against the schema, the aliases against every other exercise); on any problem
 * nothing is written. Prints each change, old → new.
 */
export async function exerciseSetCommand(words: string[], options: ExerciseSetOptions, context: RunContext): Promise<CommandOutput> {
  const name = words.join(' ').trim();
  if (name === '') throw usageError('Missing the exercise to change.', SET_EXAMPLE);
  const aliasChanges = (options.aliasAdd?.length ?? 0) + (options.aliasRemove?.length ?? 0) > 0;
  if (!hasSettingFlags(options) && !aliasChanges) throw usageError(`Nothing to change for "${name}".`, SET_EXAMPLE);

  return withLog(context, (log) => {
    const exercise = findExercise(log, name, 'Run `rehab exercise list --all` to see the exercises.');
    const settings = checkedSettings(applySettingFlags(exercise.settings, options, log.units), 'Nothing was changed');
    const aliases = nextAliases(exercise, options);
    const changes: SettingChange[] = [];
    if (aliases.join('\n') !== exercise.aliases.join('\n')) changes.push({ path: 'aliases', before: exercise.aliases, after: aliases });
    changes.push(...diffSettings(exercise.settings, settings));

    const notes = [...log.notices, ...unusedRangeNotes(exercise.name, settings, options)];
    if (changes.length === 0) {
      return { stdout: `Nothing changed: ${exercise.name} already has these settings.`, stderr: notes.join('\n') };
    }
    log.exercises.update(exercise.id, { settings, aliases });
    const stdout = [`Changed ${exercise.name}:`, ...renderChanges(changes)].join('\n');
    return { stdout, stderr: notes.join('\n') };
  });
}

/** The aliases after `--alias-remove` then `--alias-add`; removing one it does not have is a usage error. */
function nextAliases(exercise: Exercise, options: ExerciseSetOptions): string[] {
  let aliases = [...exercise.aliases];
  for (const alias of options.aliasRemove ?? []) {
    const key = normaliseName(alias);
    if (!aliases.some((existing) => normaliseName(existing) === key)) {
      const has = exercise.aliases.length > 0 ? `its aliases are ${exercise.aliases.join(', ')}` : 'it has none';
      throw usageError(`${exercise.name} has no alias "${alias}" (${has}).`, 'Nothing was changed.');
    }
    aliases = aliases.filter((existing) => normaliseName(existing) !== key);
  }
  for (const alias of options.aliasAdd ?? []) {
    const tidy = alias.trim().replace(/\s+/g, ' ');
    if (tidy === '') throw usageError('--alias-add needs a word.', 'Write it like --alias-add squat.');
    const key = normaliseName(tidy);
    // Taken by another exercise: the repository refuses it, naming the owner, before writing.
    if (key !== normaliseName(exercise.name) && !aliases.some((existing) => normaliseName(existing) === key)) aliases.push(tidy);
  }
  return aliases;
}

/** A range given for the measure the exercise does not use changes nothing the rules read: say so. */
function unusedRangeNotes(name: string, settings: ExerciseSettings, options: SettingFlags): string[] {
  if (settings.measure === 'seconds' && options.reps !== undefined) {
    return [`Note: ${name} is timed (measure seconds), so the rules use its seconds range, not reps; add --measure reps to count reps.`];
  }
  if (settings.measure === 'reps' && (options.seconds !== undefined || options.secondsIncrement !== undefined)) {
    return [`Note: ${name} is counted in reps, so the rules use its reps range, not seconds; add --measure seconds for timed holds.`];
  }
  return [];
}
