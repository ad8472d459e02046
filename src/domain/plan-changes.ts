// What importing a plan changes in a log, worked out before anything is written: exercises
// matched by name (ignoring case; or renamed, see `matchPlanEntries`) are updated, new ones
// added, the log's others archived (never deleted), aliases the plan gives to another exercise
// moved. Pure: the caller applies it.
import { normaliseName } from './exercise-names.js';
import { diffSettings, type SettingChange } from './settings-paths.js';
import type { Exercise, ExerciseSettings, Unit } from './types.js';

/** One exercise as the plan describes it (already validated). */
export interface PlanEntry {
  name: string;
  aliases: string[];
  archived: boolean;
  settings: ExerciseSettings;
}

/** An exercise of the log that the plan changes: what it becomes, and each change (`name`, `aliases`, `archived`, or a settings path). */
export interface ChangedExercise {
  exercise: Exercise;
  next: { name: string; aliases: string[]; archived: boolean; settings: ExerciseSettings };
  changes: SettingChange[];
}

export interface PlanChanges {
  units: { before: Unit; after: Unit } | null;
  added: PlanEntry[];
  changed: ChangedExercise[];
  /** Exercises of the log the plan leaves out: archived if they were not, and stripped of aliases the plan gives to others. */
  leftOut: ChangedExercise[];
  unchanged: Exercise[];
}

/**
 * The changes that make the log's programme the plan's. `entries` must already be checked (no
 * two words name two exercises, no plan word is the name of a left-out exercise).
 */
export function planChanges(plan: { units: Unit; exercises: readonly PlanEntry[] }, log: readonly Exercise[], logUnits: Unit): PlanChanges {
  const matches = matchPlanEntries(plan.exercises, log);
  const planWords = new Set(plan.exercises.flatMap((entry) => [entry.name, ...entry.aliases].map(normaliseName)));
  const matched = new Set<number>();
  const result: PlanChanges = {
    units: plan.units === logUnits ? null : { before: logUnits, after: plan.units },
    added: [],
    changed: [],
    leftOut: [],
    unchanged: [],
  };

  plan.exercises.forEach((entry, index) => {
    const next = { name: tidy(entry.name), aliases: entry.aliases.map(tidy), archived: entry.archived, settings: entry.settings };
    const exercise = matches[index];
    if (!exercise) {
      result.added.push({ ...next, settings: structuredClone(entry.settings) });
      return;
    }
    matched.add(exercise.id);
    const changes = changesOf(exercise, next);
    if (changes.length === 0) result.unchanged.push(exercise);
    else result.changed.push({ exercise, next, changes });
  });

  for (const exercise of log) {
    if (matched.has(exercise.id)) continue;
    const next = {
      name: exercise.name,
      aliases: exercise.aliases.filter((alias) => !planWords.has(normaliseName(alias))),
      archived: true,
      settings: exercise.settings,
    };
    const changes = changesOf(exercise, next);
    if (changes.length === 0) result.unchanged.push(exercise);
    else result.leftOut.push({ exercise, next, changes });
  }
  return result;
}

/**
 * The exercise of the log each plan entry updates, or undefined for a new one: the one with the
 * entry's name (ignoring case), else, not taken by a name, the one whose name is among the
 * entry's aliases (it was renamed and kept its old name as an alias, as `rehab exercise rename`
 * does, so a plan exported after a rename still finds it in a log that never saw the rename).
 * Entries may be partial (read leniently from a file that is not valid yet).
 */
export function matchPlanEntries(entries: ReadonlyArray<{ name?: string; aliases?: readonly string[] }>, log: readonly Exercise[]): Array<Exercise | undefined> {
  const byName = new Map(log.map((exercise) => [normaliseName(exercise.name), exercise]));
  const taken = new Set<number>();
  const matches = entries.map((entry) => {
    const exercise = entry.name === undefined ? undefined : byName.get(normaliseName(entry.name));
    if (exercise && !taken.has(exercise.id)) {
      taken.add(exercise.id);
      return exercise;
    }
    return undefined;
  });
  return entries.map((entry, index) => {
    if (matches[index]) return matches[index];
    for (const alias of entry.aliases ?? []) {
      const exercise = byName.get(normaliseName(alias));
      if (exercise && !taken.has(exercise.id)) {
        taken.add(exercise.id);
        return exercise;
      }
    }
    return undefined;
  });
}

/** Whether applying the changes would write anything. */
export function planChangesAnything(changes: PlanChanges): boolean {
  return changes.units !== null || changes.added.length > 0 || changes.changed.length > 0 || changes.leftOut.length > 0;
}

function changesOf(exercise: Exercise, next: ChangedExercise['next']): SettingChange[] {
  const changes: SettingChange[] = [];
  if (next.name !== exercise.name) changes.push({ path: 'name', before: exercise.name, after: next.name });
  if (JSON.stringify(next.aliases) !== JSON.stringify(exercise.aliases)) changes.push({ path: 'aliases', before: exercise.aliases, after: next.aliases });
  if (next.archived !== exercise.archived) changes.push({ path: 'archived', before: exercise.archived, after: next.archived });
  return [...changes, ...diffSettings(exercise.settings, next.settings)];
}

/** Names and aliases as the log stores them: trimmed, runs of spaces made one. */
function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
