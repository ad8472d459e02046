import type { Equipment, ExerciseSettings, PerUnit, Unit } from './types.js';

/**
 * Increment and rounding step per equipment (SPEC §4 defaults; research/rules-evidence.md,
 * "Increments and equipment").
 */
const EQUIPMENT_STEPS: Record<Equipment, { increment: PerUnit; step: PerUnit }> = {
  // Plates 1.25 kg / 2.5 lb: barbell step = 2 × the smallest plate (research notes, plates).
  barbell: { increment: { kg: 2.5, lb: 5 }, step: { kg: 2.5, lb: 5 } },
  // Dumbbells commonly go up in 2 kg / 5 lb (research notes).
  dumbbell: { increment: { kg: 2, lb: 5 }, step: { kg: 2, lb: 5 } },
  // Kettlebells go in 4 kg steps (research notes); 10 lb is the nearest common imperial step [design].
  kettlebell: { increment: { kg: 4, lb: 10 }, step: { kg: 4, lb: 10 } },
  // Stack steps vary by machine; the barbell's is a safe default [design].
  machine: { increment: { kg: 2.5, lb: 5 }, step: { kg: 2.5, lb: 5 } },
  // Added load on a bodyweight exercise goes in 2.5 kg steps (SPEC §4).
  bodyweight: { increment: { kg: 2.5, lb: 5 }, step: { kg: 2.5, lb: 5 } },
};

/** The settings a new exercise gets unless told otherwise (SPEC §4). */
export function defaultSettings(equipment: Equipment, unit: Unit): ExerciseSettings {
  return {
    model: 'double',
    measure: 'reps',
    sets: 3,
    // ACSM 2009 (Ratamess et al.): novices train in the 8–12 RM range.
    reps: { min: 8, max: 12 },
    // Timed holds progress by 5 s (SPEC §4); 20–45 s sits in the range of McGill's trunk
    // endurance holds (McGill 1999) [design].
    seconds: { min: 20, max: 45, increment: 5 },
    equipment,
    ...EQUIPMENT_STEPS[equipment],
    // Start at bodyweight by default (SPEC §4 step 1; the seed: start from squatting body weight).
    start: { kind: 'bodyweight', added: 0, unit },
    pattern: 'other',
  };
}
