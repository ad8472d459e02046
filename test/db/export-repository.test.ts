import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { ExerciseRepository } from '../../src/db/exercise-repository.js';
import { ExportRepository, exportSql, type ExportFilter } from '../../src/db/export-repository.js';
import { openDatabase } from '../../src/db/open-database.js';
import { SetRepository } from '../../src/db/set-repository.js';
import type { Load } from '../../src/domain/types.js';
import { settings, tempFolder } from './fixtures.js';

const NOW = '2026-11-24T07:00:00.000Z';
const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });

interface Log {
  db: Database.Database;
  sets: SetRepository;
  exports: ExportRepository;
  squat: number;
  bridge: number;
}

function withLog(run: (log: Log) => void): void {
  const { db } = openDatabase(path.join(tempFolder(), 'rehab.db'));
  try {
    const exercises = new ExerciseRepository(db);
    // Created in the opposite order of their names, so name order differs from id order.
    const squat = exercises.create({ name: 'squat', aliases: [], settings: settings() }, NOW).id;
    const bridge = exercises.create({ name: 'Bridge', aliases: [], settings: settings({ pattern: 'bridge' }) }, NOW).id;
    run({ db, sets: new SetRepository(db), exports: new ExportRepository(db), squat, bridge });
  } finally {
    db.close();
  }
}

function logDay(log: Log, exerciseId: number, date: string, reps: number[], load: Load = kg(20)): void {
  log.sets.logSession({
    exerciseId,
    date,
    sets: reps.map((count) => ({ reps: count, seconds: null, load, rpe: null, pain: null, note: null })),
    source: 'typed',
    summary: `${reps.length} sets on ${date}`,
    now: NOW,
  });
}

/** Each exported row as `date exercise session/set reps`. */
function places(log: Log, filter: ExportFilter = {}): string[] {
  return [...log.exports.rows(filter)].map(([, date, name, session, set, reps]) => `${date} ${name} ${session}/${set} ${reps}`);
}

describe('ExportRepository.rows', () => {
  test('orders by date, then exercise name (any case), then session, then set number', () => {
    withLog((log) => {
      logDay(log, log.squat, '2026-11-24', [10, 9]);
      logDay(log, log.bridge, '2026-11-24', [15]);
      logDay(log, log.squat, '2026-11-20', [8]);
      logDay(log, log.squat, '2026-11-24', [5]); // a second session that day
      expect(places(log)).toEqual([
        '2026-11-20 squat 1/1 8',
        '2026-11-24 Bridge 1/1 15',
        '2026-11-24 squat 1/1 10',
        '2026-11-24 squat 1/2 9',
        '2026-11-24 squat 2/1 5',
      ]);
    });
  });

  test('returns loads exactly as logged, with their unit and kind', () => {
    withLog((log) => {
      logDay(log, log.squat, '2026-11-24', [10], { kind: 'external', value: 55, unit: 'lb' });
      logDay(log, log.bridge, '2026-11-24', [10], { kind: 'bodyweight', added: -20, unit: 'kg' });
      const rows = [...log.exports.rows()];
      expect(rows.map((row) => row.slice(7, 10))).toEqual([
        [-20, 'kg', 'bodyweight'],
        [55, 'lb', 'external'],
      ]);
    });
  });

  test.each<[string, ExportFilter, string[]]>([
    ['--exercise keeps one exercise', { exerciseId: -1 }, ['2026-11-20 squat 1/1 8', '2026-11-24 squat 1/1 10']],
    ['--since is inclusive', { since: '2026-11-22' }, ['2026-11-22 Bridge 1/1 15', '2026-11-24 squat 1/1 10']],
    ['--until is inclusive', { until: '2026-11-22' }, ['2026-11-20 squat 1/1 8', '2026-11-22 Bridge 1/1 15']],
    ['all filters together', { exerciseId: -1, since: '2026-11-21', until: '2026-11-24' }, ['2026-11-24 squat 1/1 10']],
  ])('%s', (_rule, filter, expected) => {
    withLog((log) => {
      logDay(log, log.squat, '2026-11-20', [8]);
      logDay(log, log.bridge, '2026-11-22', [15]);
      logDay(log, log.squat, '2026-11-24', [10]);
      const resolved = filter.exerciseId === -1 ? { ...filter, exerciseId: log.squat } : filter;
      expect(places(log, resolved)).toEqual(expected);
    });
  });

  test('reads through an index and sorts only within a date, so the first row comes at once at any size', () => {
    withLog((log) => {
      const plan = (filter: ExportFilter) =>
        (log.db.prepare(`EXPLAIN QUERY PLAN ${exportSql(filter)}`).all({ exerciseId: log.squat, since: '2026-01-01', until: '2026-12-31' }) as Array<{ detail: string }>)
          .map((row) => row.detail)
          .join('\n');
      for (const filter of [{}, { since: '2026-01-01' }, { since: '2026-01-01', until: '2026-12-31' }]) {
        expect(plan(filter)).toMatch(/(SCAN|SEARCH) s USING INDEX sets_by_date/);
        // "FOR LAST n TERMS": a sort within each date only, never the whole export.
        expect(plan(filter)).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      }
      expect(plan({ exerciseId: log.squat })).toMatch(/SEARCH s USING INDEX sets_by_exercise_date \(exercise_id=\?\)/);
      expect(plan({ exerciseId: log.squat })).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    });
  });
});
