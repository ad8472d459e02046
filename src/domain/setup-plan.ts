// What `rehab init` does to the programme, worked out before anything is written. Pure: the
// programme comes in (the starter programme of a new log, or the log's exercises), the plan goes
// out, and the handler writes it. Set-up changes settings only, never history: an exercise that
// is dropped is archived (its sets stay), and no logged load is ever converted.
import { defaultSettings } from './exercise-defaults.js';
import { normaliseName, suggestNames } from './exercise-names.js';
import { guessPattern } from './imported-exercise.js';
import { roundToStep } from './load-steps.js';
import type { Equipment, ExerciseSettings, Load, Measure, Unit } from './types.js';
import { convert, formatLoad, perUnit } from './units.js';
import { usageError } from '../errors.js';

/** One exercise of the programme as set-up sees it. */
export interface ProgrammeExercise {
  /** Its id in the log; null for one not in the log yet (a new log's starter programme, an added one). */
  id: number | null;
  name: string;
  aliases: string[];
  settings: ExerciseSettings;
  archived: boolean;
  /** Whether any set was logged: its start load no longer matters, and dropping it keeps its history. */
  hasSets: boolean;
}

/** An exercise to add, as asked for (`--add "step up"`, or the questions). */
export interface AddedExercise {
  name: string;
  equipment?: Equipment;
  measure?: Measure;
}

/** What the user chose, by flags or by answering. Names are as typed: names or aliases, any case. */
export interface SetupChoices {
  /** The log's units after set-up: what a bare number means, and what new exercises start in. */
  units: Unit;
  drop: string[];
  add: AddedExercise[];
  starts: Array<{ exercise: string; load: Load }>;
}

/** One change the plan makes, for the summary. */
export type SetupChange =
  | { kind: 'add'; name: string; settings: ExerciseSettings }
  | { kind: 'drop'; name: string; hasSets: boolean }
  | { kind: 'bring back'; name: string }
  | { kind: 'start'; name: string; from: Load; to: Load; why: 'chosen' | 'units' };

export interface SetupPlan {
  /** The programme after set-up: every exercise, archived ones included, in order. */
  programme: ProgrammeExercise[];
  changes: SetupChange[];
}

/**
 * Applies `choices` to `programme`. `logUnits` is the log's units before set-up (null for a new
 * log, whose programme already comes in `choices.units`): when they change, an exercise with no
 * sets yet has its start load expressed in the new units, rounded to its step, since that is
 * the first prescription it will give; logged loads are never touched. Drops come first, then
 * additions, then start loads. A name that matches nothing is a usage error naming the closest
 * ones; dropping an archived exercise, or adding one already there, changes nothing, so the same
 * `rehab init --yes …` can run twice.
 */
export function planSetup(programme: readonly ProgrammeExercise[], choices: SetupChoices, logUnits: Unit | null): SetupPlan {
  const result = programme.map((exercise) => ({ ...exercise, aliases: [...exercise.aliases], settings: structuredClone(exercise.settings) }));
  const changes: SetupChange[] = [];

  if (logUnits !== null && logUnits !== choices.units) {
    for (const exercise of result) {
      if (exercise.hasSets || exercise.settings.start.unit === choices.units) continue;
      const from = exercise.settings.start;
      const to = startIn(from, choices.units, perUnit(exercise.settings.step, choices.units));
      exercise.settings.start = to;
      // Plain bodyweight reads the same in either unit: no change worth telling.
      if (!exercise.archived && formatLoad(from) !== formatLoad(to)) changes.push({ kind: 'start', name: exercise.name, from, to, why: 'units' });
    }
  }

  for (const typed of choices.drop) {
    const exercise = find(result, typed, 'drop');
    if (exercise.archived) continue;
    exercise.archived = true;
    changes.push({ kind: 'drop', name: exercise.name, hasSets: exercise.hasSets });
  }

  for (const added of choices.add) {
    const name = tidyExerciseName(added.name);
    if (name === '') throw usageError('An exercise to add has no name.', 'Write it like --add "step up".');
    const existing = result.find((exercise) => namesOf(exercise).includes(normaliseName(name)));
    if (existing) {
      if (!existing.archived) continue;
      if (choices.drop.some((typed) => namesOf(existing).includes(normaliseName(typed)))) {
        throw usageError(`${existing.name} is both dropped and added.`, 'Give it once, with --drop or with --add.');
      }
      existing.archived = false;
      changes.push({ kind: 'bring back', name: existing.name });
      continue;
    }
    const equipment = added.equipment ?? 'bodyweight';
    const settings: ExerciseSettings = { ...defaultSettings(equipment, choices.units), measure: added.measure ?? 'reps', pattern: guessPattern(name) };
    result.push({ id: null, name, aliases: [], settings, archived: false, hasSets: false });
    changes.push({ kind: 'add', name, settings });
  }

  for (const { exercise: typed, load } of choices.starts) {
    const exercise = find(result, typed, 'start');
    if (exercise.archived) throw usageError(`${exercise.name} is not in the programme, so it has no start load to set.`, 'Leave out its --start, or stop dropping it.');
    const from = exercise.settings.start;
    if (sameLoad(from, load)) continue;
    exercise.settings.start = load;
    const earlier = changes.findIndex((change) => change.kind === 'start' && change.name === exercise.name);
    if (earlier >= 0) changes.splice(earlier, 1);
    const added = changes.find((change) => change.kind === 'add' && change.name === exercise.name);
    if (added?.kind === 'add') added.settings = exercise.settings;
    else changes.push({ kind: 'start', name: exercise.name, from, to: load, why: 'chosen' });
  }
  return { programme: result, changes };
}

/** A start load in another unit: a weight converted and rounded to the step (at least one step), bodyweight kept as it is. */
function startIn(load: Load, unit: Unit, step: number): Load {
  if (load.kind === 'bodyweight') {
    return { kind: 'bodyweight', added: load.added === 0 ? 0 : roundToStep(convert(load.added, load.unit, unit), step), unit };
  }
  return { kind: 'external', value: Math.max(step, roundToStep(convert(load.value, load.unit, unit), step)), unit };
}

function sameLoad(a: Load, b: Load): boolean {
  if (a.kind === 'external' && b.kind === 'external') return a.value === b.value && a.unit === b.unit;
  if (a.kind === 'bodyweight' && b.kind === 'bodyweight') return a.added === b.added && (a.added === 0 || a.unit === b.unit);
  return false;
}

function namesOf(exercise: ProgrammeExercise): string[] {
  return [exercise.name, ...exercise.aliases].map(normaliseName);
}

/** The exercise `typed` names (a name or an alias, any case), or a usage error that suggests the closest. */
function find(programme: ProgrammeExercise[], typed: string, flag: 'drop' | 'start'): ProgrammeExercise {
  const wanted = normaliseName(typed);
  const found = programme.find((exercise) => namesOf(exercise).includes(wanted));
  if (found) return found;
  const candidates = programme.flatMap((exercise) => [exercise.name, ...exercise.aliases]);
  const closest = [...new Set(suggestNames(typed, candidates).map((name) => programme.find((exercise) => namesOf(exercise).includes(normaliseName(name)))?.name ?? name))];
  const suggestion = closest.length > 0 ? `Did you mean ${closest.join(' or ')}? ` : '';
  const listed = programme.filter((exercise) => !exercise.archived).map((exercise) => exercise.name);
  throw usageError(`--${flag} "${typed}": no exercise of the programme is called that.`, `${suggestion}The programme: ${listed.join(', ') || 'no exercises'}.`);
}

/** `step up` → `Step up`, as `rehab log --new` and `rehab exercise add` name it. */
export function tidyExerciseName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
