// Which rehab exercise each exercise name in an import file means: `--map` first, then what the
// last import of that app remembered, then a name or alias of the log, and otherwise the
// `UnknownNameResolver` decides (by default: new exercises; a terminal prompt can take its place).
import { ImportRepository } from '../db/import-repository.js';
import { normalizeExerciseName } from '../db/exercise-repository.js';
import { normaliseName } from '../domain/exercise-names.js';
import { importedExerciseSettings, type ImportedRowsSummary } from '../domain/imported-exercise.js';
import type { Exercise, ExerciseSettings } from '../domain/types.js';
import { usageError } from '../errors.js';
import type { ImportedSet, ImportFormat } from '../io/importers/types.js';
import type { RehabLog } from './open-log.js';
import { unknownExercise } from './prescribe.js';

/** `--map "Squat (Barbell)=squat"`, parsed at the edge. */
export interface NameMapping {
  /** The name as the file has it. */
  foreign: string;
  /** A rehab exercise name or alias. */
  exercise: string;
}

/** One exercise name of the file, with what its rows look like. */
export interface ForeignName {
  /** As first spelt in the file. */
  name: string;
  /** `normaliseName(name)`: how spellings that differ only in case and spacing are told alike. */
  key: string;
  rows: ImportedRowsSummary;
}

/**
 * How a name was resolved: to an exercise of the log (`chosen`: at the terminal prompt), to a
 * new one to create, or (chosen at the prompt) to nothing: its rows are skipped.
 */
export type NameResolution =
  | { how: 'map' | 'remembered' | 'name' | 'chosen'; exercise: Exercise }
  | { how: 'new'; name: string; settings: ExerciseSettings }
  | { how: 'skip' };

/**
 * Decides what to do with the names nothing else resolved, keyed by `ForeignName.key`. The hook a
 * terminal prompt replaces ("which exercise is `Hip Thrust (Barbell)`?"); it may also return an
 * existing exercise (`how: 'chosen'`) or skip the name's rows (`how: 'skip'`).
 */
export type UnknownNameResolver = (names: ForeignName[], log: RehabLog) => Promise<Map<string, NameResolution>>;

/** The default for unknown names: a new exercise each, with settings guessed from its name and rows. */
export const createNewExercises: UnknownNameResolver = async (names, log) =>
  new Map(
    names.map((name) => [
      name.key,
      { how: 'new', name: normalizeExerciseName(name.name), settings: importedExerciseSettings(name.name, name.rows, log.units) },
    ]),
  );

/** The distinct exercise names of `sets`, in order of first appearance, with their rows summed up. */
export function foreignNames(sets: readonly ImportedSet[]): ForeignName[] {
  const byKey = new Map<string, ForeignName>();
  // Rows share their name strings: each spelling is normalised once.
  const keyOfSpelling = new Map<string, string>();
  for (const set of sets) {
    let key = keyOfSpelling.get(set.exerciseName);
    if (key === undefined) {
      key = normaliseName(set.exerciseName);
      keyOfSpelling.set(set.exerciseName, key);
    }
    let entry = byKey.get(key);
    if (!entry) {
      entry = { name: set.exerciseName, key, rows: { weighted: 0, external: 0, timed: 0, total: 0, unit: null } };
      byKey.set(key, entry);
    }
    const rows = entry.rows;
    rows.total += 1;
    if (set.seconds !== null) rows.timed += 1;
    const weighted = set.load.kind === 'external' ? set.load.value !== 0 : set.load.added !== 0;
    if (set.load.kind === 'external' && set.load.value > 0) rows.external += 1;
    if (weighted) {
      rows.weighted += 1;
      rows.unit ??= set.load.unit;
    }
  }
  return [...byKey.values()];
}

/**
 * Resolves every name (see the module comment). A `--map` whose exercise does not exist, or whose
 * name is not in the file, is a usage error: a typo there would otherwise create an exercise.
 */
export async function resolveNames(
  log: RehabLog,
  format: ImportFormat,
  names: ForeignName[],
  mappings: readonly NameMapping[],
  resolveUnknown: UnknownNameResolver,
): Promise<Map<string, NameResolution>> {
  const resolved = new Map<string, NameResolution>();
  const keys = new Set(names.map((name) => name.key));
  for (const mapping of mappings) {
    const key = normaliseName(mapping.foreign);
    if (!keys.has(key)) {
      const shown = names.slice(0, 5).map((name) => `"${name.name}"`);
      throw usageError(
        `--map "${mapping.foreign}=${mapping.exercise}": no exercise in the file is called "${mapping.foreign}".`,
        `Its names include ${shown.join(', ')}${names.length > 5 ? ', …' : ''}.`,
      );
    }
    const exercise = log.exercises.findByNameOrAlias(mapping.exercise);
    if (!exercise) throw unknownExercise(log, mapping.exercise, 'The right side of --map names an exercise of your log (see `rehab exercise list`).');
    resolved.set(key, { how: 'map', exercise });
  }

  const imports = log.repository(ImportRepository);
  const unknown: ForeignName[] = [];
  for (const name of names) {
    if (resolved.has(name.key)) continue;
    const rememberedId = imports.rememberedExerciseId(format, name.name);
    const remembered = rememberedId === undefined ? undefined : log.exercises.findById(rememberedId);
    if (remembered) {
      resolved.set(name.key, { how: 'remembered', exercise: remembered });
      continue;
    }
    const byName = log.exercises.findByNameOrAlias(name.name);
    if (byName) resolved.set(name.key, { how: 'name', exercise: byName });
    else unknown.push(name);
  }
  if (unknown.length > 0) {
    const decided = await resolveUnknown(unknown, log);
    for (const name of unknown) {
      const resolution = decided.get(name.key);
      if (!resolution) throw usageError(`No exercise was chosen for "${name.name}".`, `Map it with --map "${name.name}=<exercise>".`);
      resolved.set(name.key, resolution);
    }
  }
  return resolved;
}
