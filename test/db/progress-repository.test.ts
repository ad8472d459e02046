import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { readExerciseWords } from '../../src/db/completion-words.js';
import { ExerciseRepository } from '../../src/db/exercise-repository.js';
import { openDatabase } from '../../src/db/open-database.js';
import { ProgressRepository, SESSIONS_BETWEEN_SQL } from '../../src/db/progress-repository.js';
import { SetRepository } from '../../src/db/set-repository.js';
import type { Load } from '../../src/domain/types.js';
import { listing, settings, sha256, tempFolder } from './fixtures.js';

const NOW = '2026-11-24T07:00:00.000Z';
const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });

function withLog(run: (log: { db: Database.Database; file: string; squat: number; bridge: number }) => void): void {
  const file = path.join(tempFolder(), 'rehab.db');
  const { db } = openDatabase(file);
  try {
    const exercises = new ExerciseRepository(db);
    const squat = exercises.create({ name: 'Goblet squat', aliases: ['squat'], settings: settings() }, NOW).id;
    const bridge = exercises.create({ name: 'Glute bridge', aliases: ['bridge'], settings: settings({ pattern: 'bridge' }) }, NOW).id;
    run({ db, file, squat, bridge });
  } finally {
    db.close();
  }
}

function log(db: Database.Database, exerciseId: number, date: string, loads: number[]) {
  new SetRepository(db).logSession({
    exerciseId,
    date,
    sets: loads.map((load) => ({ reps: 10, seconds: null, load: kg(load), rpe: null, pain: null, note: null })),
    source: 'typed',
    summary: date,
    now: NOW,
  });
}

describe('ProgressRepository.sessionsBetween', () => {
  test('one exercise’s sessions in the range (inclusive), oldest first, sets in order, two sessions of a day apart', () => {
    withLog(({ db, squat, bridge }) => {
      log(db, squat, '2026-03-01', [10]);
      log(db, squat, '2026-03-02', [20, 22]);
      log(db, squat, '2026-03-02', [24]);
      log(db, bridge, '2026-03-03', [5]);
      log(db, squat, '2026-03-09', [26]);
      log(db, squat, '2026-03-10', [28]);
      const sessions = new ProgressRepository(db).sessionsBetween(squat, '2026-03-02', '2026-03-09');
      expect(sessions.map((s) => [s.date, s.sets.map((set) => (set.load.kind === 'external' ? set.load.value : null))])).toEqual([
        ['2026-03-02', [20, 22]],
        ['2026-03-02', [24]],
        ['2026-03-09', [26]],
      ]);
    });
  });

  test('its query reads one range of the (exercise_id, date) index, in index order: no scan, no sort', () => {
    withLog(({ db, squat }) => {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${SESSIONS_BETWEEN_SQL}`).all({ exerciseId: squat, since: '2026-01-01', until: '2026-12-31' }) as Array<{ detail: string }>).map(
        (row) => row.detail,
      );
      expect(plan).toEqual(['SEARCH s USING INDEX sets_by_exercise_date (exercise_id=? AND date>? AND date<?)']);
    });
  });
});

describe('readExerciseWords (for shell completion: reads, never writes)', () => {
  test('the names, then the aliases, of active exercises', () => {
    let file = '';
    withLog(({ db, file: logFile }) => {
      file = logFile;
      new ExerciseRepository(db).create({ name: 'Bird dog', aliases: ['birddog'], settings: settings({ pattern: 'core' }) }, NOW);
      db.prepare("UPDATE exercises SET archived = 1 WHERE name = 'Bird dog'").run();
    });
    // Read between commands, as Tab is pressed: the log is closed.
    expect(readExerciseWords(file)).toEqual(['Glute bridge', 'Goblet squat', 'bridge', 'squat']);
  });

  test('no file: null, and no file is made', () => {
    const file = path.join(tempFolder(), 'missing.db');
    expect(readExerciseWords(file)).toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  test('a SQLite file that is not a rehab log: null, and it is left as it was', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE exercises (name TEXT)');
    other.close();
    const before = sha256(file);
    expect(readExerciseWords(file)).toBeNull();
    expect(sha256(file)).toBe(before);
    expect(listing(folder)).toEqual(['other.db']);
  });

  test('a file that is not SQLite at all: null', () => {
    const file = path.join(tempFolder(), 'notes.txt');
    writeFileSync(file, 'squat 25kg\n'.repeat(20));
    expect(readExerciseWords(file)).toBeNull();
  });
});
