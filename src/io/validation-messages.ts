// zod issues as sentences a person can act on: each names the setting by its path and says what
// would be right, using the schema itself for the allowed values, so a setting added to a schema
// gets good messages without a change here. `reps.max must be at least reps.min (8)`,
// `equipment must be one of barbell, dumbbell, … (got "cable")`.
//
// Type-only import: this module reads schemas it is given and never loads zod itself.
import type * as z from 'zod';
import { formatPath, type ValuePath } from '../domain/settings-paths.js';

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

/** The definition fields read here; zod 4's `_zod.def`, which every schema has. */
interface Definition {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
  options?: Schema[];
  discriminator?: string;
  entries?: Record<string, unknown>;
  values?: unknown[];
  format?: string;
}

/**
 * One sentence per issue (no final full stop), in the order zod found them. Paths are shown under
 * `prefix` (`['exercises', 2, 'settings']`), and an empty path reads as `whole`. `root` is the
 * schema that produced the issues; `input` the value it was given.
 */
export function describeIssues(issues: readonly Issue[], root: Schema, input: unknown, options: { prefix?: ValuePath; whole?: string } = {}): string[] {
  return issues.flatMap((issue) => describeIssue(issue, root, input, options));
}

function describeIssue(issue: Issue, root: Schema, input: unknown, options: { prefix?: ValuePath; whole?: string }): string[] {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  const prefix = options.prefix ?? [];
  const whole = options.whole ?? 'the value';
  const name = formatPath([...prefix, ...path], whole);
  const at = schemaAt(root, path, input);
  const value = valueAt(input, path);

  // A message the schema's author wrote is a predicate on its path ("must be at least reps.min
  // (8)"); zod's own messages start with a capital ("Too small: …") and are rewritten below.
  if (/^[a-z]/.test(issue.message) && issue.code !== 'unrecognized_keys') return [`${name} ${issue.message}`];

  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [`${name} is missing${allowedHint(at)}`];
      return [`${name} must be ${typeName(issue.expected, at)}${got(value)}`];
    case 'too_small':
    case 'too_big':
      return [`${name} ${sizeRule(issue, at)}${got(value)}`];
    case 'invalid_value':
      if (value === undefined) return [`${name} is missing (${oneOf(issue.values)})`];
      return [`${name} must be ${oneOf(issue.values)}${got(value)}`];
    case 'invalid_union': {
      const discriminator = 'discriminator' in issue ? (issue as { discriminator?: string }).discriminator : undefined;
      const choices = 'options' in issue ? ((issue as { options?: unknown[] }).options ?? []) : [];
      if (discriminator !== undefined && choices.length > 0) {
        // The path already ends at the discriminator key (`start.kind`).
        if (value === undefined) return [`${name} is missing (${oneOf(choices)})`];
        return [`${name} must be ${oneOf(choices)}${got(value)}`];
      }
      return [`${name} does not match any of the allowed forms`];
    }
    case 'unrecognized_keys': {
      const allowed = Object.keys(objectShape(at, value) ?? {});
      const known = allowed.length > 0 ? ` (known: ${allowed.join(', ')})` : '';
      return issue.keys.map((key) => `${formatPath([...prefix, ...path, key], whole)} is not a known key${known}`);
    }
    default:
      return [`${name}: ${issue.message}`];
  }
}

/** " (one of a, b)" for a missing choice, "" otherwise. */
function allowedHint(schema: Schema | undefined): string {
  const choices = choicesOf(schema);
  return choices ? ` (${oneOf(choices)})` : '';
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  return shown.length === 1 ? `${shown[0]}` : `one of ${shown.join(', ')}`;
}

function typeName(expected: string, schema: Schema | undefined): string {
  const choices = choicesOf(schema);
  if (choices) return oneOf(choices);
  const def = definition(schema);
  if (expected === 'int' || def?.format === 'safeint' || def?.format === 'int32') return 'a whole number';
  switch (expected) {
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object': {
      const keys = Object.keys(objectShape(schema, undefined) ?? {});
      return keys.length > 0 ? `an object with ${keys.join(', ')}` : 'an object';
    }
    default:
      return `a ${expected}`;
  }
}

/** "must be from 1 to 20", "must be more than 0", "must not be empty", "must have at least 1 item". */
function sizeRule(issue: Issue & { code: 'too_small' | 'too_big' }, schema: Schema | undefined): string {
  const origin = String(issue.origin);
  const small = issue.code === 'too_small';
  const limit = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
  const inclusive = issue.inclusive !== false;
  if (origin === 'number' || origin === 'int' || origin === 'bigint') {
    const bounds = numberBounds(schema);
    if (bounds && inclusive) return `must be from ${bounds.min} to ${bounds.max}`;
    if (small) return inclusive ? `must be at least ${limit}` : `must be more than ${limit}`;
    return inclusive ? `must be at most ${limit}` : `must be less than ${limit}`;
  }
  if (origin === 'string') {
    if (small && limit === 1) return 'must not be empty';
    return small ? `must be at least ${limit} characters long` : `must be at most ${limit} characters long`;
  }
  const items = `${limit} ${limit === 1 ? 'item' : 'items'}`;
  return small ? `must have at least ${items}` : `must have at most ${items}`;
}

/** Both ends of a number's range, when it has two real ones (not the safe-integer limits). */
function numberBounds(schema: Schema | undefined): { min: number; max: number } | undefined {
  const number = schema as { minValue?: number | null; maxValue?: number | null } | undefined;
  const min = number?.minValue;
  const max = number?.maxValue;
  if (typeof min !== 'number' || typeof max !== 'number') return undefined;
  if (!Number.isFinite(min) || !Number.isFinite(max) || Math.abs(max) >= Number.MAX_SAFE_INTEGER || Math.abs(min) >= Number.MAX_SAFE_INTEGER) return undefined;
  // minValue is also set by an exclusive bound (positive() → 0); only an inclusive pair reads as "from … to".
  const checks = (schema as { _zod?: { def?: { checks?: Array<{ _zod?: { def?: { check?: string; inclusive?: boolean } } }> } } })._zod?.def?.checks ?? [];
  if (checks.some((check) => check._zod?.def?.inclusive === false)) return undefined;
  return { min, max };
}

/** " (got "cable")", " (got 2.5)"; long values are cut short. */
function got(value: unknown): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value) ?? String(value);
  return ` (got ${text.length > 40 ? `${text.slice(0, 37)}…` : text})`;
}

function definition(schema: Schema | undefined): Definition | undefined {
  return schema ? (schema._zod.def as unknown as Definition) : undefined;
}

/** Through optional, default, readonly, pipe and the like to the schema that checks the value. */
function unwrap(schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let depth = 0; depth < 20 && current; depth++) {
    const def = definition(current);
    if (def?.innerType) current = def.innerType;
    else if (def?.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
  return current;
}

/** The allowed values of an enum or literal, if the schema is one. */
function choicesOf(schema: Schema | undefined): unknown[] | undefined {
  const def = definition(unwrap(schema));
  if (def?.type === 'enum' && def.entries) return Object.values(def.entries);
  if (def?.type === 'literal' && def.values) return def.values;
  return undefined;
}

/** The keys an object schema allows; for a discriminated union, those of the member `value` selects. */
function objectShape(schema: Schema | undefined, value: unknown): Record<string, Schema> | undefined {
  const def = definition(unwrap(schema));
  if (def?.type === 'object') return def.shape;
  if (def?.type === 'union') {
    const member = unionMember(def, value);
    return member ? objectShape(member, value) : undefined;
  }
  return undefined;
}

function unionMember(def: Definition, value: unknown): Schema | undefined {
  const options = def.options ?? [];
  if (def.discriminator !== undefined && typeof value === 'object' && value !== null) {
    const wanted = (value as Record<string, unknown>)[def.discriminator];
    return options.find((option) => choicesOf(objectShape(option, undefined)?.[def.discriminator!])?.includes(wanted));
  }
  return undefined;
}

/** The sub-schema at `path`, following objects, arrays and (by the value) discriminated unions. */
function schemaAt(root: Schema, path: ValuePath, input: unknown): Schema | undefined {
  let schema: Schema | undefined = root;
  let value = input;
  for (const segment of path) {
    const def = definition(unwrap(schema));
    if (!def) return undefined;
    if (def.type === 'array') schema = def.element;
    else if (def.type === 'object' || def.type === 'union') {
      const shape = objectShape(schema, value) ?? (def.type === 'union' ? firstShapeWith(def, String(segment)) : undefined);
      schema = shape?.[String(segment)];
    } else return undefined;
    value = valueAt(value, [segment]);
  }
  return schema;
}

function firstShapeWith(def: Definition, key: string): Record<string, Schema> | undefined {
  for (const option of def.options ?? []) {
    const shape = objectShape(option, undefined);
    if (shape && key in shape) return shape;
  }
  return undefined;
}

function valueAt(input: unknown, path: ValuePath): unknown {
  let value = input;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}
