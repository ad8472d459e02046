import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { ExerciseRepository } from '../../src/db/exercise-repository.js';
import { exerciseSettingsSchema } from '../../src/db/exercise-settings-schema.js';
import { openDatabase } from '../../src/db/open-database.js';
import { RehabError } from '../../src/errors.js';
import { settings, tempFolder } from './fixtures.js';

const NOW = '2026-11-24T07:00:00.000Z';

function withLog(run: (exercises: ExerciseRepository, db: Database.Database) => void): void {
  const { db } = openDatabase(path.join(tempFolder(), 'rehab.db'));
  try {
    run(new ExerciseRepository(db), db);
  } finally {
    db.close();
  }
}

function thrown(run: () => unknown): RehabError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RehabError);
    return error as RehabError;
  }
  throw new Error('expected an error');
}

describe('ExerciseRepository', () => {
  test('create stores the exercise and reads it back the same', () => {
    withLog((exercises) => {
      const squatSettings = settings({ start: { kind: 'external', value: 55, unit: 'lb' } });
      const created = exercises.create({ name: '  Goblet   squat ', aliases: ['squat', 'goblet'], settings: squatSettings }, NOW);
      expect(created).toEqual({ id: created.id, name: 'Goblet squat', aliases: ['squat', 'goblet'], archived: false, settings: squatSettings });
      expect(exercises.findById(created.id)).toEqual(created);
      expect(exercises.list()).toEqual([created]);
    });
  });

  test.each([
    ['the name, any case', 'GOBLET SQUAT'],
    ['the name, extra spaces', '  goblet    squat  '],
    ['an alias', 'squat'],
    ['an alias, any case', 'Goblet'],
  ])('findByNameOrAlias finds it by %s', (_label, text) => {
    withLog((exercises) => {
      const created = exercises.create({ name: 'Goblet squat', aliases: ['squat', 'goblet'], settings: settings() }, NOW);
      expect(exercises.findByNameOrAlias(text)?.id).toBe(created.id);
    });
  });

  test('findByNameOrAlias prefers a name to an alias and returns undefined for unknown words', () => {
    withLog((exercises) => {
      exercises.create({ name: 'Goblet squat', aliases: ['squat'], settings: settings() }, NOW);
      const bridge = exercises.create({ name: 'Glute bridge', aliases: ['bridge'], settings: settings({ pattern: 'bridge' }) }, NOW);
      expect(exercises.findByNameOrAlias('glute bridge')?.id).toBe(bridge.id);
      expect(exercises.findByNameOrAlias('deadlift')).toBeUndefined();
      expect(exercises.findByNameOrAlias('   ')).toBeUndefined();
    });
  });

  test('list is ordered by id and leaves archived exercises out unless asked', () => {
    withLog((exercises, db) => {
      const a = exercises.create({ name: 'A', aliases: [], settings: settings() }, NOW);
      const b = exercises.create({ name: 'B', aliases: ['bee'], settings: settings() }, NOW);
      const c = exercises.create({ name: 'C', aliases: [], settings: settings() }, NOW);
      db.prepare('UPDATE exercises SET archived = 1 WHERE id = ?').run(b.id);
      expect(exercises.list().map((exercise) => exercise.name)).toEqual(['A', 'C']);
      const all = exercises.list({ includeArchived: true });
      expect(all.map((exercise) => [exercise.id, exercise.archived, exercise.aliases])).toEqual([
        [a.id, false, []],
        [b.id, true, ['bee']],
        [c.id, false, []],
      ]);
    });
  });

  test.each([
    ['the same name, another case', { name: 'goblet SQUAT', aliases: [] }, /There is already an exercise called "Goblet squat"\./],
    ['a name that is an alias', { name: 'Squat', aliases: [] }, /"Squat" already names the exercise "Goblet squat"\./],
    ['an alias that is a name', { name: 'Front squat', aliases: ['goblet squat'] }, /There is already an exercise called "Goblet squat"\./],
    ['an alias that is an alias', { name: 'Front squat', aliases: ['squat'] }, /"squat" already names the exercise "Goblet squat"\./],
  ])('create refuses %s as a usage error, adding nothing', (_label, input, message) => {
    withLog((exercises) => {
      exercises.create({ name: 'Goblet squat', aliases: ['squat'], settings: settings() }, NOW);
      const error = thrown(() => exercises.create({ ...input, settings: settings() }, NOW));
      expect(error.code).toBe('usage');
      expect(error.message).toMatch(message);
      expect(exercises.list({ includeArchived: true })).toHaveLength(1);
    });
  });

  test('create drops blank, repeated and self-naming aliases', () => {
    withLog((exercises) => {
      const created = exercises.create({ name: 'Bird dog', aliases: ['birddog', ' BIRDDOG ', '', 'bird dog', 'bird-dog'], settings: settings() }, NOW);
      expect(created.aliases).toEqual(['birddog', 'bird-dog']);
      expect(exercises.findById(created.id)?.aliases).toEqual(['birddog', 'bird-dog']);
    });
  });

  test('create refuses a blank name', () => {
    withLog((exercises) => {
      expect(thrown(() => exercises.create({ name: '   ', aliases: [], settings: settings() }, NOW)).code).toBe('usage');
    });
  });

  test('stored settings that fail the schema are a runtime error naming the exercise', () => {
    withLog((exercises, db) => {
      const created = exercises.create({ name: 'Side plank', aliases: [], settings: settings({ measure: 'seconds' }) }, NOW);
      db.prepare('UPDATE exercises SET settings = ? WHERE id = ?').run(JSON.stringify({ ...settings(), model: 'triple' }), created.id);
      const error = thrown(() => exercises.list());
      expect(error.code).toBe('runtime');
      expect(error.message).toMatch(/^The stored settings of the exercise "Side plank" \(id \d+\) are damaged \(model is missing or invalid\)\.$/);
      expect(thrown(() => exercises.findByNameOrAlias('side plank')).code).toBe('runtime');
    });
  });
});

describe('exerciseSettingsSchema', () => {
  test.each([
    ['sets above 20', { sets: 21 }],
    ['sets not whole', { sets: 2.5 }],
    ['reps min above max', { reps: { min: 12, max: 8 } }],
    ['seconds min above max', { seconds: { min: 60, max: 30, increment: 5 } }],
    ['a zero step', { step: { kg: 0, lb: 5 } }],
    ['a negative increment', { increment: { kg: -2, lb: 5 } }],
    ['an unknown equipment', { equipment: 'cable' }],
    ['a negative external start', { start: { kind: 'external', value: -5, unit: 'kg' } }],
    ['a start in stone', { start: { kind: 'external', value: 5, unit: 'st' } }],
    ['an unknown key', { colour: 'red' }],
  ])('rejects %s', (_label, change) => {
    expect(exerciseSettingsSchema.safeParse({ ...settings(), ...change }).success).toBe(false);
  });

  test('accepts assisted bodyweight (a negative added load)', () => {
    expect(exerciseSettingsSchema.safeParse(settings({ start: { kind: 'bodyweight', added: -20, unit: 'kg' } })).success).toBe(true);
  });
});
