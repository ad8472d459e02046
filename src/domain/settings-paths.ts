// Paths into exercise settings (`reps.max`, `increment.kg`, `milestones.0.at`): reading them as
// typed, setting a value at one, and listing what changed between two settings. Pure and generic:
// nothing here names a setting, so a setting added to the schema works here without a change.
import { usageError } from '../errors.js';
import { formatLoad } from './units.js';
import type { Load } from './types.js';

/** A path into a JSON value: object keys and array indexes. */
export type ValuePath = ReadonlyArray<string | number>;

/** One value that differs between two settings, at a leaf path such as `reps.max`. */
export interface SettingChange {
  path: string;
  /** Undefined when the key was absent. */
  before: unknown;
  after: unknown;
}

/**
 * `exercises[2].settings.reps.max`: keys joined with dots, array indexes in brackets. An empty
 * path reads as `whole` (what the value is: "settings", "the plan").
 */
export function formatPath(path: ValuePath, whole = 'the value'): string {
  if (path.length === 0) return whole;
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/**
 * Reads a dotted setting path as typed after `--set`: `reps.max` → ['reps', 'max'],
 * `milestones.0.at` → ['milestones', 0, 'at']. Throws a usage error for an empty segment.
 */
export function parseSettingPath(text: string): Array<string | number> {
  const trimmed = text.trim();
  const segments = trimmed.split('.');
  if (trimmed === '' || segments.some((segment) => segment.trim() === '')) {
    throw usageError(`"${text}" is not a setting path.`, 'Name a setting with dots between the parts, as in --set reps.max=15.');
  }
  return segments.map((segment) => (/^\d+$/.test(segment.trim()) ? Number(segment.trim()) : segment.trim()));
}

/**
 * A deep copy of `root` with `value` at `path`. Missing objects on the way are created (an array
 * when the next segment is an index), so an optional group can be set key by key. Passing through
 * a value that is not an object or array is a usage error naming it.
 */
export function setAtPath(root: unknown, path: ValuePath, value: unknown, whole = 'settings'): unknown {
  if (path.length === 0) return structuredClone(value);
  const copy: unknown = root === undefined ? (typeof path[0] === 'number' ? [] : {}) : structuredClone(root);
  let node = copy;
  path.forEach((segment, index) => {
    if (!isContainer(node)) {
      const where = formatPath(path.slice(0, index), whole);
      throw usageError(`${where} is a single value, so it has no "${String(segment)}".`, `Set it whole, as in --set ${formatPath(path.slice(0, index), 'x')}=….`);
    }
    const container = node as Record<string | number, unknown>;
    if (index === path.length - 1) {
      container[segment] = structuredClone(value);
      return;
    }
    if (container[segment] === undefined) container[segment] = typeof path[index + 1] === 'number' ? [] : {};
    node = container[segment];
  });
  return copy;
}

/**
 * The leaves that differ between two settings, in the order of `after`'s keys (then keys only
 * `before` had). A load (`{ kind, unit, … }`) and a list of plain values count as one leaf each.
 */
export function diffSettings(before: unknown, after: unknown): SettingChange[] {
  const changes: SettingChange[] = [];
  const walk = (a: unknown, b: unknown, path: Array<string | number>): void => {
    if (isBranch(a) || isBranch(b)) {
      const keys = [...new Set([...keysOf(b), ...keysOf(a)])];
      for (const key of keys) walk(childOf(a, key), childOf(b, key), [...path, key]);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ path: formatPath(path, 'settings'), before: a, after: b });
  };
  walk(before, after, []);
  return changes;
}

/** Every leaf of the settings as a path and its value, for a full listing (`rehab plan show`). */
export function settingLeaves(settings: unknown): Array<{ path: string; value: unknown }> {
  return diffSettings(undefined, settings).map((change) => ({ path: change.path, value: change.after }));
}

/** How a setting's value reads in output: `8`, `double`, `bw + 10 kg`, `squat, goblet`, `(none)`. */
export function formatSettingValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (isLoad(value)) return formatLoad(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => !isContainer(item))) {
    return value.length === 0 ? '(none)' : value.map((item) => formatSettingValue(item)).join(', ');
  }
  return JSON.stringify(value);
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** An object or array walked into by the diff; loads and lists of plain values are leaves. */
function isBranch(value: unknown): boolean {
  if (!isContainer(value) || isLoad(value)) return false;
  if (Array.isArray(value)) return value.some((item) => isContainer(item));
  return true;
}

function keysOf(value: unknown): Array<string | number> {
  if (!isBranch(value)) return [];
  return Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value as object);
}

function childOf(value: unknown, key: string | number): unknown {
  return isBranch(value) ? (value as Record<string | number, unknown>)[key] : undefined;
}

function isLoad(value: unknown): value is Load {
  if (!isContainer(value) || Array.isArray(value)) return false;
  const load = value as Record<string, unknown>;
  return (
    (load.unit === 'kg' || load.unit === 'lb') &&
    ((load.kind === 'external' && typeof load.value === 'number') || (load.kind === 'bodyweight' && typeof load.added === 'number'))
  );
}
