// A namespace import: `import { z }` also bundles zod's 60-odd locales (about 0.6 MB, ~20 ms
// more for every command that reads settings, `rehab next` included).
import * as z from 'zod';
import type { ExerciseSettings, Load } from '../domain/types.js';

const unit = z.enum(['kg', 'lb']);
const positive = z.number().positive();
const positiveInt = z.int().positive();

/** A load as entered (see `Load`): an external weight is never negative, assistance can be. */
export const loadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('external'), value: z.number().nonnegative(), unit }),
  z.strictObject({ kind: z.literal('bodyweight'), added: z.number(), unit }),
]);

// Refinement messages are predicates on the key named by `path` ("must be at least reps.min (8)"):
// src/io/validation-messages.ts prefixes the path, giving "reps.max must be at least reps.min (8)."
/** The `min` of a range whose refinement failed, for the message. */
const minOf = (range: unknown): unknown => (range as { min?: unknown }).min;

/**
 * Milestone thresholds and messages of one exercise (`MilestoneSettings`); every key optional, the
 * defaults live in src/domain/milestones.ts. An empty list turns that kind of milestone off.
 */
export const milestoneSettingsSchema = z.strictObject({
  loadsKg: z.array(z.number().positive().max(1000, { error: 'must be at most 1000 (kg)' })).max(10).optional(),
  loadMessage: z.string().trim().min(1).max(500).optional(),
  e1rmPercents: z
    .array(z.number().gt(100, { error: 'must be above 100 (a percentage of the start, e.g. 150 for up 50 %)' }).max(1000))
    .max(10)
    .optional(),
  e1rmMessage: z.string().trim().min(1).max(500).optional(),
  bodyweightRatios: z.array(z.number().positive().max(5, { error: 'must be at most 5 (times body weight)' })).max(10).optional(),
  bodyweightMessage: z.string().trim().min(1).max(500).optional(),
});

/**
 * The shape of `ExerciseSettings`, checked wherever settings enter from outside the type system:
 * a row read back from the log (a damaged or hand-edited file), and plan files. Strict objects,
 * so a misspelt key is an error rather than silently dropped.
 */
export const exerciseSettingsSchema = z.strictObject({
  model: z.enum(['double', 'linear']),
  measure: z.enum(['reps', 'seconds']),
  sets: z.int().min(1).max(20),
  reps: z
    .strictObject({ min: positiveInt, max: positiveInt })
    .refine((range) => range.min <= range.max, { path: ['max'], error: (issue) => `must be at least reps.min (${minOf(issue.input)})` }),
  seconds: z
    .strictObject({ min: positiveInt, max: positiveInt, increment: positiveInt })
    .refine((range) => range.min <= range.max, { path: ['max'], error: (issue) => `must be at least seconds.min (${minOf(issue.input)})` }),
  equipment: z.enum(['barbell', 'dumbbell', 'kettlebell', 'machine', 'bodyweight']),
  increment: z.strictObject({ kg: positive, lb: positive }),
  step: z.strictObject({ kg: positive, lb: positive }),
  start: loadSchema,
  pattern: z.enum(['squat', 'hinge', 'bridge', 'core', 'other']),
  milestones: milestoneSettingsSchema.optional(),
});

// Compile-time proof that the schema and the domain types describe the same values, both ways:
// a change to one without the other fails `tsc`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const settingsMatch: Same<z.infer<typeof exerciseSettingsSchema>, ExerciseSettings> = true;
const loadMatches: Same<z.infer<typeof loadSchema>, Load> = true;
void settingsMatch;
void loadMatches;
