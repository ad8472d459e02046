import { z } from 'zod';
import type { ExerciseSettings, Load } from '../domain/types.js';

const unit = z.enum(['kg', 'lb']);
const positive = z.number().positive();
const positiveInt = z.int().positive();

/** A load as entered (see `Load`): an external weight is never negative, assistance can be. */
export const loadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('external'), value: z.number().nonnegative(), unit }),
  z.strictObject({ kind: z.literal('bodyweight'), added: z.number(), unit }),
]);

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
    .refine((range) => range.min <= range.max, { message: 'reps.min must not be above reps.max' }),
  seconds: z
    .strictObject({ min: positiveInt, max: positiveInt, increment: positiveInt })
    .refine((range) => range.min <= range.max, { message: 'seconds.min must not be above seconds.max' }),
  equipment: z.enum(['barbell', 'dumbbell', 'kettlebell', 'machine', 'bodyweight']),
  increment: z.strictObject({ kg: positive, lb: positive }),
  step: z.strictObject({ kg: positive, lb: positive }),
  start: loadSchema,
  pattern: z.enum(['squat', 'hinge', 'bridge', 'core', 'other']),
});

// Compile-time proof that the schema and the domain types describe the same values, both ways:
// a change to one without the other fails `tsc`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const settingsMatch: Same<z.infer<typeof exerciseSettingsSchema>, ExerciseSettings> = true;
const loadMatches: Same<z.infer<typeof loadSchema>, Load> = true;
void settingsMatch;
void loadMatches;
