import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { ExerciseRepository } from '../../src/db/exercise-repository.js';
import { openDatabase } from '../../src/db/open-database.js';
import { SetRepository } from '../../src/db/set-repository.js';
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

describe('ExerciseRepository.update', () => {
  test('renames in place: same id, so the sets stay with it', () => {
    withLog((exercises, db) => {
      const squat = exercises.create({ name: 'Goblet squat', aliases: ['squat'], settings: settings() }, NOW);
      new SetRepository(db).logSession({
        exerciseId: squat.id,
        date: '2026-11-20',
        sets: [{ reps: 10, seconds: null, load: { kind: 'external', value: 20, unit: 'kg' }, rpe: null, pain: null, note: null }],
        source: 'typed',
        summary: 'test',
        now: NOW,
      });
      const renamed = exercises.update(squat.id, { name: '  Front   squat ', aliases: ['squat', 'Goblet squat'] });
      expect(renamed).toEqual({ ...squat, name: 'Front squat', aliases: ['squat', 'Goblet squat'] });
      expect([...new SetRepository(db).history({ exerciseId: squat.id }).entries][0]?.exerciseName).toBe('Front squat');
      expect(exercises.findByNameOrAlias('goblet squat')?.id).toBe(squat.id);
    });
  });

  test('changes settings and archived, and keeps what is not given', () => {
    withLog((exercises) => {
      const squat = exercises.create({ name: 'Goblet squat', aliases: ['squat'], settings: settings() }, NOW);
      const changed = exercises.update(squat.id, { settings: settings({ sets: 4 }), archived: true });
      expect(changed).toEqual({ ...squat, archived: true, settings: settings({ sets: 4 }) });
      expect(exercises.list().map((e) => e.id)).toEqual([]);
      expect(exercises.list({ includeArchived: true }).map((e) => e.id)).toEqual([squat.id]);
    });
  });

  test('renaming to one of its own aliases drops that alias', () => {
    withLog((exercises) => {
      const squat = exercises.create({ name: 'Goblet squat', aliases: ['squat', 'goblet'], settings: settings() }, NOW);
      expect(exercises.update(squat.id, { name: 'Squat' }).aliases).toEqual(['goblet']);
    });
  });

  test.each([
    ['a name another exercise has', { name: 'glute BRIDGE' }, 'There is already an exercise called "Glute bridge".'],
    ['an alias another exercise has', { aliases: ['bridge'] }, '"bridge" already names the exercise "Glute bridge".'],
    ['a name that is another exercise\'s alias', { name: 'Bridge' }, '"Bridge" already names the exercise "Glute bridge".'],
    ['an empty name', { name: '  ' }, 'An exercise needs a name.'],
  ])('refuses %s and writes nothing', (_rule, changes, message) => {
    withLog((exercises) => {
      const squat = exercises.create({ name: 'Goblet squat', aliases: ['squat'], settings: settings() }, NOW);
      exercises.create({ name: 'Glute bridge', aliases: ['bridge'], settings: settings() }, NOW);
      const error = thrown(() => exercises.update(squat.id, { ...changes, settings: settings({ sets: 5 }) }));
      expect(error.message).toBe(message);
      expect(error.exitCode).toBe(2);
      expect(exercises.findById(squat.id)).toEqual(squat);
    });
  });

  test('replaces damaged stored settings (it does not read them first)', () => {
    withLog((exercises, db) => {
      const squat = exercises.create({ name: 'Goblet squat', aliases: [], settings: settings() }, NOW);
      db.prepare("UPDATE exercises SET settings = '{\"model\":\"triple\"}' WHERE id = ?").run(squat.id);
      expect(exercises.update(squat.id, { settings: settings({ sets: 2 }) }).settings.sets).toBe(2);
    });
  });
});
