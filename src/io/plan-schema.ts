// Reading a plan document from outside (a file, stdin): the zod schema, built on the exercise
// settings schema (the single truth for settings), and a validation that reports every problem at
// once, each with its path (`exercises[2].settings.reps.max must be at least reps.min (8)`).
// zod is loaded only by the commands that import this module.
import * as z from 'zod';
import { exerciseSettingsSchema } from '../db/exercise-settings-schema.js';
import { normaliseName } from '../domain/exercise-names.js';
import { matchPlanEntries } from '../domain/plan-changes.js';
import type { Exercise } from '../domain/types.js';
import { PLAN_FORMAT_VERSION, type PlanDocument } from './plan-document.js';
import { describeIssues } from './validation-messages.js';

const nameSchema = z.string().trim().min(1);

export const planExerciseSchema = z.strictObject({
  name: nameSchema.meta({ description: 'The exercise name. On import, matched case-insensitively against the names in the log.' }),
  aliases: z
    .array(nameSchema)
    .default([])
    .meta({ description: 'Other words that name the exercise in `rehab log` (`squat` → Goblet squat). Each names one exercise only.' }),
  archived: z.boolean().default(false).meta({ description: 'Archived exercises keep their history but are left out of `rehab next`.' }),
  settings: exerciseSettingsSchema.meta({ description: 'Everything the rules engine uses for this exercise (see README, `rehab exercise set`).' }),
});

/** A whole plan: `{ "$schema", "version": 1, "units", "exercises": [...] }`. */
export const planDocumentSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'The JSON Schema of this document, for editors.' }),
    version: z.literal(PLAN_FORMAT_VERSION).meta({ description: 'The plan format version.' }),
    units: z.enum(['kg', 'lb']).meta({ description: 'The log\'s units: what a bare number means in `rehab log`.' }),
    exercises: z.array(planExerciseSchema).meta({
      description: 'Every exercise of the programme. On import, exercises in the log that are not listed here are archived (never deleted).',
    }),
  })
  .meta({
    title: 'rehab plan',
    description: 'The whole programme of a rehab log, as written by `rehab plan export` and read by `rehab plan import`.',
  });

export type PlanCheck = { ok: true; plan: PlanDocument } | { ok: false; problems: string[] };

/**
 * Checks a parsed JSON value as a plan for a log holding `logExercises`: the schema, then names
 * and aliases (each word names one exercise, ignoring case; none may be the name of an exercise
 * the plan leaves out, which is archived and keeps its name). Returns every problem, in document
 * order, as one sentence each.
 */
export function checkPlan(raw: unknown, logExercises: readonly Exercise[]): PlanCheck {
  const problems: Array<{ index: number; text: string }> = [];
  const parsed = planDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const text of describeIssues([issue], planDocumentSchema, raw, { whole: 'the plan' })) {
        problems.push({ index: exerciseIndex(issue.path), text });
      }
    }
  }
  problems.push(...nameProblems(raw, logExercises));
  if (problems.length > 0 || !parsed.success) {
    // Stable: within one exercise, the order they were found in.
    problems.sort((a, b) => a.index - b.index);
    return { ok: false, problems: problems.map((problem) => `${problem.text}.`) };
  }
  return { ok: true, plan: parsed.data };
}

function exerciseIndex(path: readonly PropertyKey[]): number {
  return path[0] === 'exercises' && typeof path[1] === 'number' ? path[1] : -1;
}

interface NameOwner {
  index: number;
  /** Where it is written: `exercises[0].name`, `exercises[2].aliases[1]`. */
  where: string;
  text: string;
  as: 'name' | 'alias';
}

/**
 * Clashing names and aliases, read leniently from the raw value so they are reported together
 * with the schema's problems: whatever entries have text for a name or alias are compared. An
 * exercise of the log that the plan leaves out is archived and keeps its name, so no plan word
 * may be that name (its aliases may be taken: the import moves them, and says so).
 */
function nameProblems(raw: unknown, logExercises: readonly Exercise[]): Array<{ index: number; text: string }> {
  const entries = Array.isArray((raw as { exercises?: unknown } | null)?.exercises) ? (raw as { exercises: unknown[] }).exercises : [];
  const problems: Array<{ index: number; text: string }> = [];
  const owners = new Map<string, NameOwner>();
  const names: Array<string | undefined> = entries.map((entry) => textAt(entry, 'name'));

  names.forEach((name, index) => {
    if (name === undefined || normaliseName(name) === '') return;
    const key = normaliseName(name);
    const where = `exercises[${index}].name`;
    const first = owners.get(key);
    if (first) problems.push({ index, text: `${where} "${name}" is already the name of exercises[${first.index}]; names must differ, ignoring case` });
    else owners.set(key, { index, where, text: name, as: 'name' });
  });

  entries.forEach((entry, index) => {
    const aliases = (entry as { aliases?: unknown } | null)?.aliases;
    if (!Array.isArray(aliases)) return;
    const own = new Set<string>();
    aliases.forEach((alias, aliasIndex) => {
      if (typeof alias !== 'string' || normaliseName(alias) === '') return;
      const key = normaliseName(alias);
      const where = `exercises[${index}].aliases[${aliasIndex}]`;
      const owner = owners.get(key);
      if (own.has(key)) problems.push({ index, text: `${where} "${alias}" is listed twice` });
      else if (owner?.index === index) problems.push({ index, text: `${where} "${alias}" is the exercise's own name` });
      else if (owner) {
        const what = owner.as === 'name' ? 'the name' : 'an alias';
        problems.push({ index, text: `${where} "${alias}" is already ${what} of exercises[${owner.index}] ("${names[owner.index]}"); each word names one exercise` });
      } else owners.set(key, { index, where, text: alias, as: 'alias' });
      own.add(key);
    });
  });

  const lenient = entries.map((entry, index) => ({ name: names[index], aliases: textsAt(entry, 'aliases') }));
  const matched = new Set(matchPlanEntries(lenient, logExercises).map((exercise) => exercise?.id));
  const leftOut = new Map<string, Exercise>();
  for (const exercise of logExercises) {
    if (!matched.has(exercise.id)) leftOut.set(normaliseName(exercise.name), exercise);
  }
  for (const [key, owner] of owners) {
    const clash = leftOut.get(key);
    if (!clash) continue;
    problems.push({
      index: owner.index,
      text:
        `${owner.where} "${owner.text}" is the name of "${clash.name}" in this log, which the plan leaves out ` +
        `(it would be archived and keep its name); add it to the plan, or rename it first with \`rehab exercise rename\``,
    });
  }
  return problems;
}

function textsAt(entry: unknown, key: string): string[] {
  const value = (entry as Record<string, unknown> | null)?.[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function textAt(entry: unknown, key: string): string | undefined {
  const value = (entry as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : undefined;
}
