// The settings flags of `rehab exercise add|set` (--reps 8-12, --increment 2kg, --set reps.max=15…)
// turned into a candidate settings object. Pure: the caller validates the candidate against the
// settings schema, which is the single truth for what is allowed, so values are passed through
// as typed (a word stays a word) and the schema's message names what would be right.
import { usageError } from '../errors.js';
import { defaultSettings } from './exercise-defaults.js';
import { parseLoad } from './log-grammar.js';
import { parseSettingPath, setAtPath } from './settings-paths.js';
import type { Equipment, ExerciseSettings, PerUnit, Unit } from './types.js';

/** The flags as typed; every one optional. */
export interface SettingFlags {
  model?: string;
  measure?: string;
  sets?: string;
  reps?: string;
  seconds?: string;
  secondsIncrement?: string;
  equipment?: string;
  increment?: string[];
  step?: string[];
  start?: string;
  pattern?: string;
  /** `path=value`, applied last, in order. */
  set?: string[];
}

/** Whether any settings flag was given. */
export function hasSettingFlags(flags: SettingFlags): boolean {
  return (
    [flags.model, flags.measure, flags.sets, flags.reps, flags.seconds, flags.secondsIncrement, flags.equipment, flags.start, flags.pattern].some(
      (value) => value !== undefined,
    ) || [flags.increment, flags.step, flags.set].some((list) => list !== undefined && list.length > 0)
  );
}

/**
 * `current` with the flags applied, not yet validated. `--equipment` first resets the increment
 * and step to that equipment's defaults (unless `--increment` / `--step` are given too), then
 * the named flags, then every `--set path=value` in order, so `--set` has the last word.
 * `units` is what a bare number means (`--increment 2`). Malformed input (`--reps eight`) is a
 * usage error here; values of the wrong range or kind are left for the schema to name.
 */
export function applySettingFlags(current: ExerciseSettings, flags: SettingFlags, units: Unit): unknown {
  let settings: unknown = structuredClone(current);
  const put = (path: Array<string | number>, value: unknown): void => {
    settings = setAtPath(settings, path, value);
  };

  if (flags.equipment !== undefined) {
    put(['equipment'], flags.equipment);
    const steps = equipmentSteps(flags.equipment, units);
    if (steps && !flags.increment?.length) put(['increment'], steps.increment);
    if (steps && !flags.step?.length) put(['step'], steps.step);
  }
  if (flags.model !== undefined) put(['model'], flags.model);
  if (flags.measure !== undefined) put(['measure'], flags.measure);
  if (flags.pattern !== undefined) put(['pattern'], flags.pattern);
  if (flags.sets !== undefined) put(['sets'], numberOrText(flags.sets));
  if (flags.reps !== undefined) {
    const { min, max } = parseRange(flags.reps, '--reps', 'Write it like --reps 8-12, or --reps 5 for a fixed target.');
    put(['reps', 'min'], min);
    put(['reps', 'max'], max);
  }
  if (flags.seconds !== undefined) {
    const { min, max } = parseRange(flags.seconds, '--seconds', 'Write it like --seconds 20-45, or --seconds 30 for a fixed hold.');
    put(['seconds', 'min'], min);
    put(['seconds', 'max'], max);
  }
  if (flags.secondsIncrement !== undefined) put(['seconds', 'increment'], numberOrText(flags.secondsIncrement));
  for (const text of flags.increment ?? []) {
    const { unit, value } = parseAmountFlag(text, '--increment', units);
    put(['increment', unit], value);
  }
  for (const text of flags.step ?? []) {
    const { unit, value } = parseAmountFlag(text, '--step', units);
    put(['step', unit], value);
  }
  if (flags.start !== undefined) put(['start'], parseStart(flags.start, units));
  for (const assignment of flags.set ?? []) {
    const { path, value } = parseAssignment(assignment);
    put(path, value);
  }
  return settings;
}

/**
 * The equipment `add` gives a new exercise when `--equipment` is not given: what `rehab log --new`
 * would guess (an external start load → barbell, otherwise bodyweight).
 */
export function guessEquipment(flags: SettingFlags, units: Unit): string {
  if (flags.equipment !== undefined) return flags.equipment;
  return flags.start !== undefined && parseStart(flags.start, units).kind === 'external' ? 'barbell' : 'bodyweight';
}

/**
 * The defaults for a new exercise (`rehab exercise add`): the equipment's defaults, timed when
 * only `--seconds` is given. Unknown equipment falls back to bodyweight's defaults here; the
 * schema then names the equipment as the problem.
 */
export function newExerciseBase(flags: SettingFlags, units: Unit): ExerciseSettings {
  const equipment = guessEquipment(flags, units);
  const known = equipmentSteps(equipment, units) ? (equipment as Equipment) : 'bodyweight';
  const base = defaultSettings(known, units);
  const timed = flags.measure === undefined && flags.seconds !== undefined && flags.reps === undefined;
  return timed ? { ...base, measure: 'seconds' } : base;
}

/** The default increment and step of a known equipment, or undefined for an unknown word. */
function equipmentSteps(equipment: string, units: Unit): { increment: PerUnit; step: PerUnit } | undefined {
  // defaultSettings reads a table keyed by equipment; an unknown key has no increment.
  const defaults = defaultSettings(equipment as Equipment, units);
  return defaults.increment === undefined || defaults.step === undefined ? undefined : { increment: defaults.increment, step: defaults.step };
}

/** `8-12`, `8–12`, `8 - 12` → 8..12; `5` → 5..5. The schema checks the numbers. */
function parseRange(text: string, flag: string, hint: string): { min: number; max: number } {
  const match = /^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$/.exec(text);
  if (!match) throw usageError(`${flag} "${text}" is not a range.`, hint);
  const min = Number(match[1]);
  return { min, max: match[2] === undefined ? min : Number(match[2]) };
}

/**
 * `2kg`, `5 lb`, `5lbs`, a bare `2` (in the log's units) → which unit's amount to set. The sign
 * is kept so the schema, not this parser, says an increment must be more than 0.
 */
function parseAmountFlag(text: string, flag: string, units: Unit): { unit: Unit; value: number } {
  const match = /^\s*([-+]?(?:\d+(?:\.\d+)?|\.\d+))\s*(kg|lbs?)?\s*$/i.exec(text);
  if (!match) throw usageError(`${flag} "${text}" is not a weight.`, `Write it like ${flag} 2kg or ${flag} 5lb (a bare number is in ${units}).`);
  const unitText = match[2]?.toLowerCase();
  const unit: Unit = unitText === undefined ? units : unitText === 'kg' ? 'kg' : 'lb';
  return { unit, value: Number(match[1]) };
}

/** `--start` takes a load as `rehab log` does: `bw`, `25kg`, `bw+10kg`, a bare number in the log's units. */
function parseStart(text: string, units: Unit) {
  try {
    return parseLoad(text, units);
  } catch {
    throw usageError(`--start "${text}" is not a load.`, 'Write it like --start bw, --start 25kg, --start 55lb or --start bw+10kg.');
  }
}

/**
 * `--set reps.max=15`: the path before the first `=`, the value after it read as JSON when it is
 * JSON (`15`, `true`, `{"kind":"external","value":20,"unit":"kg"}`), otherwise as text (`dumbbell`).
 */
export function parseAssignment(text: string): { path: Array<string | number>; value: unknown } {
  const at = text.indexOf('=');
  if (at < 0) throw usageError(`--set "${text}" has no "=".`, 'Write it like --set reps.max=15.');
  const path = parseSettingPath(text.slice(0, at));
  const raw = text.slice(at + 1).trim();
  if (raw === '') throw usageError(`--set "${text}" has no value after the "=".`, 'Write it like --set reps.max=15.');
  return { path, value: jsonOrText(raw) };
}

function jsonOrText(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** A number when it reads as one, so the schema can say "at least 1"; otherwise the text, so it can say "a number". */
function numberOrText(text: string): unknown {
  const trimmed = text.trim();
  return /^[-+]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : trimmed;
}
