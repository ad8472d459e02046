// Reading settings back from the log. Every write path validates settings with the zod schema
// (exercise-settings-schema.ts: `exercise set`, plan import, new exercises from defaults), so a
// stored row only needs a structural check against damage (a hand-edited file), done here without
// zod: loading zod costs more than everything else `rehab next` does, and `next` reads every row.
import type { ExerciseSettings } from '../domain/types.js';

type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const oneOf =
  (...allowed: string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value);
const positiveNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value) && value > 0;
const positiveInteger: Check = (value) => Number.isInteger(value) && (value as number) > 0;
const unit = oneOf('kg', 'lb');

/** The path of every field the rules engine and milestones read, and what it must hold. */
const FIELDS: Array<[string, Check]> = [
  ['model', oneOf('double', 'linear')],
  ['measure', oneOf('reps', 'seconds')],
  ['sets', positiveInteger],
  ['reps.min', positiveInteger],
  ['reps.max', positiveInteger],
  ['seconds.min', positiveInteger],
  ['seconds.max', positiveInteger],
  ['seconds.increment', positiveInteger],
  ['equipment', oneOf('barbell', 'dumbbell', 'kettlebell', 'machine', 'bodyweight')],
  ['increment.kg', positiveNumber],
  ['increment.lb', positiveNumber],
  ['step.kg', positiveNumber],
  ['step.lb', positiveNumber],
  ['start.kind', oneOf('external', 'bodyweight')],
  ['start.unit', unit],
  ['pattern', oneOf('squat', 'hinge', 'bridge', 'core', 'other')],
];

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, key) => (isObject(current) ? current[key] : undefined), value);
}

/**
 * The first problem with stored settings (`"reps.max is missing or invalid"`), or null when they
 * have the shape the rules need. Ranges must be in order and the start load must have its amount.
 */
export function storedSettingsProblem(value: unknown): string | null {
  if (!isObject(value)) return 'they are not an object';
  for (const [path, check] of FIELDS) {
    if (!check(at(value, path))) return `${path} is missing or invalid`;
  }
  const settings = value as unknown as ExerciseSettings;
  if (settings.reps.min > settings.reps.max) return 'reps.max is below reps.min';
  if (settings.seconds.min > settings.seconds.max) return 'seconds.max is below seconds.min';
  const start = settings.start as unknown as Record<string, unknown>;
  const amount = start.kind === 'external' ? start.value : start.added;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return 'start has no amount';
  if (value.milestones !== undefined && !isObject(value.milestones)) return 'milestones is not an object';
  return null;
}
