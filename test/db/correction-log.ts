// A log with two exercises, for the tests of undo, edit and delete.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BatchRepository } from '../../src/db/batch-repository.js';
import { ExerciseRepository } from '../../src/db/exercise-repository.js';
import { openDatabase } from '../../src/db/open-database.js';
import { SetCorrectionRepository } from '../../src/db/set-correction-repository.js';
import { SetRepository } from '../../src/db/set-repository.js';
import type { Load, LoggedSet } from '../../src/domain/types.js';
import { settings, tempFolder } from './fixtures.js';

export const NOW = '2026-11-24T07:00:00.000Z';
export const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });

export interface CorrectionLog {
  db: Database.Database;
  sets: SetRepository;
  batches: BatchRepository;
  corrections: SetCorrectionRepository;
  squat: number;
  bridge: number;
  /** Logs one session (one batch) of sets of `reps` at `load`. */
  logDay(exerciseId: number, date: string, reps: number[], load?: Load): LoggedSet[];
  count(sql: string): number;
}

export function withCorrectionLog(run: (log: CorrectionLog) => void): void {
  const { db } = openDatabase(path.join(tempFolder(), 'rehab.db'));
  try {
    const exercises = new ExerciseRepository(db);
    const squat = exercises.create({ name: 'Goblet squat', aliases: [], settings: settings() }, NOW).id;
    const bridge = exercises.create({ name: 'Glute bridge', aliases: [], settings: settings({ pattern: 'bridge' }) }, NOW).id;
    const sets = new SetRepository(db);
    run({
      db,
      sets,
      batches: new BatchRepository(db),
      corrections: new SetCorrectionRepository(db),
      squat,
      bridge,
      logDay: (exerciseId, date, reps, load = kg(20)) =>
        sets.logSession({
          exerciseId,
          date,
          sets: reps.map((count) => ({ reps: count, seconds: null, load, rpe: null, pain: null, note: null })),
          source: 'typed',
          summary: `${reps.join(', ')} on ${date}`,
          now: NOW,
        }),
      count: (sql) => db.prepare(sql).pluck().get() as number,
    });
  } finally {
    db.close();
  }
}
