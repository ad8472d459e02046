import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { ExerciseRepository, type NewExercise } from '../../src/db/exercise-repository.js';
import { MetaRepository } from '../../src/db/meta-repository.js';
import { openDatabase } from '../../src/db/open-database.js';
import { settings, tempFolder } from './fixtures.js';

const NOW = '2026-11-24T07:00:00.000Z';

const programme: NewExercise[] = [
  { name: 'Goblet squat', aliases: ['squat', 'goblet'], settings: settings() },
  { name: 'Glute bridge', aliases: ['bridge'], settings: settings({ pattern: 'bridge' }) },
];

function withLog(run: (meta: MetaRepository, exercises: ExerciseRepository, db: Database.Database) => void): void {
  const { db } = openDatabase(path.join(tempFolder(), 'rehab.db'));
  try {
    run(new MetaRepository(db), new ExerciseRepository(db), db);
  } finally {
    db.close();
  }
}

describe('MetaRepository', () => {
  test('get and set, replacing a value', () => {
    withLog((meta) => {
      expect(meta.get('units')).toBeUndefined();
      meta.set('units', 'kg');
      meta.set('units', 'lb');
      expect(meta.get('units')).toBe('lb');
    });
  });

  test('seedIfNew seeds a new log once and records when', () => {
    withLog((meta, exercises) => {
      expect(meta.seedIfNew(programme, NOW)).toBe(true);
      expect(meta.get('seeded_at')).toBe(NOW);
      expect(exercises.list().map((exercise) => [exercise.name, exercise.aliases])).toEqual([
        ['Goblet squat', ['squat', 'goblet']],
        ['Glute bridge', ['bridge']],
      ]);
      expect(meta.seedIfNew(programme, '2026-11-25T07:00:00.000Z')).toBe(false);
      expect(exercises.list()).toHaveLength(2);
    });
  });

  test('archiving every exercise does not bring the starter programme back', () => {
    withLog((meta, exercises, db) => {
      meta.seedIfNew(programme, NOW);
      db.prepare('UPDATE exercises SET archived = 1').run();
      expect(meta.seedIfNew(programme, NOW)).toBe(false);
      expect(exercises.list()).toEqual([]);
      expect(exercises.list({ includeArchived: true })).toHaveLength(2);
    });
  });

  test('seeding skips a name the user already took, and aliases already in use', () => {
    withLog((meta, exercises) => {
      exercises.create({ name: 'Glute bridge', aliases: [], settings: settings() }, NOW);
      exercises.create({ name: 'Front squat', aliases: ['squat'], settings: settings() }, NOW);
      expect(meta.seedIfNew(programme, NOW)).toBe(true);
      expect(exercises.list().map((exercise) => [exercise.name, exercise.aliases])).toEqual([
        ['Glute bridge', []],
        ['Front squat', ['squat']],
        ['Goblet squat', ['goblet']],
      ]);
    });
  });
});
