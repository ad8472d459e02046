// Exercises and their settings as text for people and JSON for machines: `rehab exercise list`,
// the lines `rehab exercise add|set` print, and `rehab plan show`.
import type { Style } from './style.js';
import { formatSettingValue, settingLeaves, type SettingChange } from '../domain/settings-paths.js';
import { showLoad } from './format.js';
import { wrapText } from './terminal-text.js';
import type { Exercise, ExerciseSettings, Unit } from '../domain/types.js';

/**
 * The settings the rules use most, in one line, amounts in `unit`:
 * `double 3×8–12 reps · dumbbell +2 kg, step 2 kg · start bodyweight · pattern squat`.
 */
export function describeSettings(settings: ExerciseSettings, unit: Unit, displayUnits?: Unit): string {
  const { reps, seconds } = settings;
  const scheme =
    settings.measure === 'seconds'
      ? `timed ${settings.sets}×${range(seconds.min, seconds.max)} s, +${seconds.increment} s`
      : settings.model === 'linear'
        ? `linear ${settings.sets}×${reps.max} reps`
        : `double ${settings.sets}×${range(reps.min, reps.max)} reps`;
  const amount = (value: number) => `${value} ${unit}`;
  const equipment = `${settings.equipment} +${amount(settings.increment[unit])}, step ${amount(settings.step[unit])}`;
  return [scheme, equipment, `start ${showLoad(settings.start, displayUnits)}`, `pattern ${settings.pattern}`].join(' · ');
}

function range(min: number, max: number): string {
  return min === max ? `${min}` : `${min}–${max}`;
}

/**
 * `rehab exercise list`: two lines an exercise, the name (with aliases) then its main settings,
 * amounts in `unit`, the start load as set unless `--units` asks for another (`displayUnits`). On a
 * terminal (`width`) the settings wrap at its width.
 */
export function renderExercisesAsText(exercises: readonly Exercise[], unit: Unit, style: Style, options: { displayUnits?: Unit; width?: number } = {}): string {
  if (exercises.length === 0) return 'No exercises. Add one with `rehab exercise add <name>`.';
  const lines: string[] = [];
  for (const exercise of exercises) {
    const aliases = exercise.aliases.length > 0 ? `  ${style.dim(`also ${exercise.aliases.join(', ')}`)}` : '';
    const archived = exercise.archived ? `  ${style.dim('(archived)')}` : '';
    lines.push(`${style.bold(exercise.name)}${aliases}${archived}`);
    lines.push(...wrapText(describeSettings(exercise.settings, unit, options.displayUnits), options.width, '    ', '      '));
  }
  return lines.join('\n');
}

/** `rehab exercise list --format json`: `[{ id, name, aliases, archived, settings }]`, settings whole. */
export function renderExercisesAsJson(exercises: readonly Exercise[]): string {
  return JSON.stringify(
    exercises.map((exercise) => ({ id: exercise.id, name: exercise.name, aliases: exercise.aliases, archived: exercise.archived, settings: exercise.settings })),
    null,
    2,
  );
}

/** `reps.max   12 → 15`, one line a change, paths aligned. */
export function renderChanges(changes: readonly SettingChange[], indent = '  '): string[] {
  const width = Math.max(0, ...changes.map((change) => change.path.length));
  return changes.map((change) => `${indent}${change.path.padEnd(width)}  ${formatSettingValue(change.before)} → ${formatSettingValue(change.after)}`);
}

/**
 * `rehab plan show`: each active exercise with every setting, one line a top-level setting and
 * its parts by name (`reps  min 8 · max 12`: the path `--set reps.max=…` takes), then the
 * archived ones by name.
 */
export function renderPlanAsText(exercises: readonly Exercise[], units: Unit, style: Style): string {
  const active = exercises.filter((exercise) => !exercise.archived);
  const archived = exercises.filter((exercise) => exercise.archived);
  const lines = [style.bold(`Programme: ${active.length} ${active.length === 1 ? 'exercise' : 'exercises'}, in ${units}`)];
  for (const exercise of active) {
    lines.push('');
    const aliases = exercise.aliases.length > 0 ? `  ${style.dim(`also ${exercise.aliases.join(', ')}`)}` : '';
    lines.push(`${style.bold(exercise.name)}${aliases}`);
    const groups = settingGroups(exercise.settings);
    const width = Math.max(...groups.map((group) => group.key.length));
    for (const group of groups) lines.push(`    ${group.key.padEnd(width)}  ${group.text}`);
  }
  if (archived.length > 0) {
    lines.push('', style.dim(`Archived (history kept): ${archived.map((exercise) => exercise.name).join(', ')}`));
  }
  return lines.join('\n');
}

/** The leaves of the settings gathered under their top-level key: `reps` → `min 8 · max 12`. */
function settingGroups(settings: ExerciseSettings): Array<{ key: string; text: string }> {
  const groups: Array<{ key: string; parts: string[] }> = [];
  for (const leaf of settingLeaves(settings)) {
    const match = /^([^.[]+)(?:[.]?(.*))$/.exec(leaf.path);
    const key = match?.[1] ?? leaf.path;
    const rest = match?.[2] ?? '';
    const value = formatSettingValue(leaf.value);
    const part = rest === '' ? value : `${rest} ${value}`;
    const last = groups.at(-1);
    if (last?.key === key) last.parts.push(part);
    else groups.push({ key, parts: [part] });
  }
  return groups.map((group) => ({ key: group.key, text: group.parts.join(' · ') }));
}
