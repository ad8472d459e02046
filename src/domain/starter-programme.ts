import { defaultSettings } from './exercise-defaults.js';
import type { ExerciseSettings, Unit } from './types.js';

export interface NewExercise {
  name: string;
  aliases: string[];
  settings: ExerciseSettings;
}

/**
 * The programme a new log starts with: glutes, hips, back and core, strengthened broadly rather
 * than one muscle chased (the seed; Kendall 2014 and Fukuda 2021 found no extra benefit from
 * adding isolated hip work). Every setting can be changed per exercise.
 */
export function starterProgramme(unit: Unit): NewExercise[] {
  return [
    {
      name: 'Goblet squat',
      aliases: ['squat', 'goblet'],
      // From bodyweight to holding a dumbbell: the seed's "20–30 kg, a holiday suitcase".
      settings: { ...defaultSettings('dumbbell', unit), pattern: 'squat' },
    },
    {
      name: 'Glute bridge',
      aliases: ['bridge', 'hip bridge'],
      // A wider range before a plate goes on the hips [design].
      settings: { ...defaultSettings('bodyweight', unit), reps: { min: 10, max: 15 }, pattern: 'bridge' },
    },
    {
      name: 'Romanian deadlift',
      aliases: ['rdl', 'deadlift'],
      settings: {
        ...defaultSettings('kettlebell', unit),
        // Kettlebell steps are 20–25 % of a light load: prefer a wider range (8–15) before a
        // step up (research notes, [design]).
        reps: { min: 8, max: 15 },
        start: unit === 'kg' ? { kind: 'external', value: 8, unit } : { kind: 'external', value: 20, unit },
        pattern: 'hinge',
      },
    },
    {
      name: 'Side plank',
      aliases: ['plank', 'side bridge'],
      // McGill 1999: the side bridge is one of the three trunk endurance holds.
      settings: { ...defaultSettings('bodyweight', unit), measure: 'seconds', pattern: 'core' },
    },
    {
      name: 'Bird dog',
      aliases: ['birddog', 'bird-dog'],
      settings: { ...defaultSettings('bodyweight', unit), pattern: 'core' },
    },
  ];
}
